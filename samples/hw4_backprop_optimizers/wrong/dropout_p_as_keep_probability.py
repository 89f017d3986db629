# replaces: dropout
# expect-fail: test_dropout_training
# why: reads p as the probability of keeping a unit (as in some old papers) instead of dropping
def dropout(x, p, training, rng):
    if not training:
        return x, np.ones_like(x)
    mask = (rng.random(x.shape) < p).astype(float)
    return x * mask / p, mask
