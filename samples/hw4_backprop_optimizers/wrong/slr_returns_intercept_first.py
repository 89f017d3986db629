# replaces: fit_simple_linear_regression
# expect-fail: test_fit_simple_linear_regression
# why: returns (intercept, slope), the order of np.polynomial, instead of (w1, w0)
def fit_simple_linear_regression(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w1 = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    w0 = y.mean() - w1 * x.mean()
    return w0, w1
