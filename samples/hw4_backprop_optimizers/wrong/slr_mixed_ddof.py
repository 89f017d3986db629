# replaces: fit_simple_linear_regression
# expect-fail: test_fit_simple_linear_regression
# why: divides np.cov (n - 1 in the denominator) by np.var (n): the slope is n / (n - 1) too big
def fit_simple_linear_regression(x, y):
    w1 = np.cov(x, y)[0, 1] / np.var(x)
    w0 = np.mean(y) - w1 * np.mean(x)
    return float(w1), float(w0)
