# replaces: best_constant_mae
# expect-fail: test_best_constant_mae
# why: uses the 1-based order statistic y_((n+1)/2) as a 0-based index: one past the middle
def best_constant_mae(y):
    return float(np.sort(y)[(len(y) + 1) // 2])
