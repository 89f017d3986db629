# replaces: dropout
# expect-fail: test_dropout_evaluation
# why: ignores `training`: units are dropped (and rescaled) at evaluation time too
# in-sample: yes
def dropout(x, p, training, rng):
    mask = (rng.random(x.shape) >= p).astype(float)
    return x * mask / (1 - p), mask
