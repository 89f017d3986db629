# replaces: best_constant_mse
# expect-fail: test_best_constant_mse
# why: swaps the two answers: the median minimises the absolute error, not the squared one
def best_constant_mse(y):
    return float(np.median(y))
