# replaces: ridge_weights_svd
# expect-fail: test_ridge_weights_svd
# why: adds lambda to s instead of s^2 in the denominator: s / (s + lam)
def ridge_weights_svd(X, t, lam):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    return Vt.T @ (s / (s + lam) * (U.T @ t))
