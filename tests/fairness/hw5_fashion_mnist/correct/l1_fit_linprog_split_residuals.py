# replaces: fit_l1_regression
# why: the textbook LP for least absolute deviations: y - Xw = u - v with u, v >= 0,
# minimise sum(u + v) under equality constraints (scipy.optimize.linprog, HiGHS)
from scipy.optimize import linprog


def fit_l1_regression(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    c = np.r_[np.zeros(d), np.ones(2 * n)]
    A_eq = np.hstack([X, np.eye(n), -np.eye(n)])
    bounds = [(None, None)] * d + [(0, None)] * (2 * n)
    res = linprog(c, A_eq=A_eq, b_eq=y, bounds=bounds)
    return res.x[:d]
