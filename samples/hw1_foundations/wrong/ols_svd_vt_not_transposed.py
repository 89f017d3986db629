# replaces: ols_weights_svd
# expect-fail: test_ols_weights_svd
# why: np.linalg.svd returns V^T, and the code multiplies by it as if it were V
def ols_weights_svd(X, t):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    return Vt @ ((U.T @ t) / s)
