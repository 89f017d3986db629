# replaces: best_constant_mse
# expect-fail: test_best_constant_mse
# why: returns the middle of the range, (min + max) / 2, which minimises the largest error instead
def best_constant_mse(y):
    return float((np.min(y) + np.max(y)) / 2)
