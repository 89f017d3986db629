# replaces: dropout
# expect-fail: test_dropout_training
# why: draws the mask from NumPy's global generator instead of rng: not reproducible by seed
def dropout(x, p, training, rng):
    if not training:
        return x, np.ones_like(x)
    mask = (np.random.rand(*x.shape) > p).astype(float)
    return x * mask / (1 - p), mask
