# replaces: fit_l1_regression
# expect-fail: test_fit_l1_regression
# why: IRLS that scales the rows by the weights 1/|r_i| instead of their square roots,
# so each step minimises sum (r_i / r_old_i)^2, which is not the L1 loss
def fit_l1_regression(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    for _ in range(50):
        weights = 1.0 / np.maximum(np.abs(y - X @ w), 1e-6)
        w = np.linalg.lstsq(X * weights[:, None], y * weights, rcond=None)[0]
    return w
