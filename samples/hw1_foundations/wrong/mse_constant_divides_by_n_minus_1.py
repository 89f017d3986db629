# replaces: best_constant_mse
# expect-fail: test_best_constant_mse
# why: borrows the unbiased-variance denominator n - 1 for the mean
def best_constant_mse(y):
    return float(np.sum(y) / (len(y) - 1))
