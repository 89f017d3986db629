# replaces: ridge_weights_svd
# expect-fail: test_ridge_weights_svd
# why: uses V^T (as returned by np.linalg.svd) where the formula has V
def ridge_weights_svd(X, t, lam):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    return Vt @ (s / (s**2 + lam) * (U.T @ t))
