# replaces: dropout
# why: a boolean mask from rng.uniform and np.where; at evaluation a copy and a mask of ones
def dropout(x, p, training, rng):
    x = np.array(x, dtype=float)
    if not training:
        return x.copy(), np.ones(x.shape, dtype=bool)
    keep = rng.uniform(size=x.shape) > p
    return np.where(keep, x / (1 - p), 0.0), keep
