# replaces: ols_weights_svd
# expect-fail: test_ols_weights_svd
# why: the default full SVD gives an n x n U, so U^T t has n entries and the division by s breaks
def ols_weights_svd(X, t):
    U, s, Vt = np.linalg.svd(X)
    return Vt.T @ (U.T @ t / s)
