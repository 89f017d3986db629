# replaces: fit_simple_linear_regression
# why: np.polyfit of degree one returns the slope first, then the intercept
def fit_simple_linear_regression(x, y):
    w1, w0 = np.polyfit(np.asarray(x, dtype=float), np.asarray(y, dtype=float), 1)
    return float(w1), float(w0)
