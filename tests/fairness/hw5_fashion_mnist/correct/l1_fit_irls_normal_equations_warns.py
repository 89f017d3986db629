# replaces: fit_l1_regression
# why: IRLS as in statistics textbooks, weighted normal equations solved with
# np.linalg.solve, and a UserWarning (warnings.warn) when it stops before its tolerance
import warnings


def fit_l1_regression(X, y, max_iter=50, tol=1e-10, delta=1e-8):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    beta = np.linalg.lstsq(X, y, rcond=None)[0]
    for _ in range(max_iter):
        w = 1.0 / np.maximum(delta, np.abs(y - X @ beta))
        XtW = X.T * w
        beta_new = np.linalg.solve(XtW @ X, XtW @ y)
        if np.linalg.norm(beta_new - beta) < tol * (1 + np.linalg.norm(beta)):
            return beta_new
        beta = beta_new
    warnings.warn(f"IRLS did not converge in {max_iter} iterations", stacklevel=2)
    return beta
