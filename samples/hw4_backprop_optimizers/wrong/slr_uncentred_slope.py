# replaces: fit_simple_linear_regression
# expect-fail: test_fit_simple_linear_regression
# why: takes the slope of the line through the origin, sum(xy) / sum(x^2), then adds an intercept
def fit_simple_linear_regression(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w1 = np.sum(x * y) / np.sum(x * x)
    w0 = np.mean(y) - w1 * np.mean(x)
    return w1, w0
