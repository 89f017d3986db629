# replaces: dropout
# expect-fail: test_dropout_training
# why: drops units but forgets the 1 / (1 - p) rescaling, so the expected activation shrinks
def dropout(x, p, training, rng):
    if not training:
        return x, np.ones_like(x)
    mask = (rng.random(x.shape) >= p).astype(float)
    return x * mask, mask
