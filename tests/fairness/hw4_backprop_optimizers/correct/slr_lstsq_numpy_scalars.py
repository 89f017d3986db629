# replaces: fit_simple_linear_regression
# why: np.linalg.lstsq on the design matrix [x, 1]; returns NumPy scalars, not Python floats
def fit_simple_linear_regression(x, y):
    x = np.asarray(x, dtype=float)
    A = np.vstack([x, np.ones_like(x)]).T
    (w1, w0), *_ = np.linalg.lstsq(A, np.asarray(y, dtype=float), rcond=None)
    return w1, w0
