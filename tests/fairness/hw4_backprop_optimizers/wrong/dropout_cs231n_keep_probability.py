# replaces: dropout
# expect-fail: test_dropout_training
# why: CS231n's dropout, where p is the probability of keeping a unit; the statement's p is
# the probability of dropping one
def dropout(x, p, training, rng):
    if not training:
        return x, None
    mask = (rng.random(x.shape) < p) / p
    return x * mask, (mask > 0).astype(float)
