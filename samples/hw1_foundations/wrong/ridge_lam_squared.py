# replaces: ridge_weights_svd
# expect-fail: test_ridge_weights_svd
# why: squares lambda along with s: s / (s^2 + lam^2), right only for lam = 1
def ridge_weights_svd(X, t, lam):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    return Vt.T @ (s / (s**2 + lam**2) * (U.T @ t))
