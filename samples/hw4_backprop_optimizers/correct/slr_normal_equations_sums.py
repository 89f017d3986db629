# replaces: fit_simple_linear_regression
# why: the textbook sums formula n Sxy - Sx Sy over n Sxx - Sx^2
def fit_simple_linear_regression(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = len(x)
    w1 = (n * np.sum(x * y) - np.sum(x) * np.sum(y)) / (n * np.sum(x**2) - np.sum(x) ** 2)
    w0 = (np.sum(y) - w1 * np.sum(x)) / n
    return w1, w0
