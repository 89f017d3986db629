# replaces: dropout
# why: draws the mask with rng.binomial and returns None as the mask at evaluation
def dropout(x, p, training, rng):
    if not training:
        return x, None
    mask = rng.binomial(1, 1 - p, size=np.shape(x))
    return np.asarray(x) * mask / (1 - p), mask
