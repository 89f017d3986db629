# replaces: ridge_weights_svd
# expect-fail: test_ridge_weights_svd
# why: carries the 1/2 of the penalty lam/2 ||w||^2 into the solution: s / (s^2 + lam/2)
def ridge_weights_svd(X, t, lam):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    return Vt.T @ (s / (s**2 + lam / 2) * (U.T @ t))
