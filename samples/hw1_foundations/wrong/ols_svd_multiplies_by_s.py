# replaces: ols_weights_svd
# expect-fail: test_ols_weights_svd
# why: multiplies by the singular values instead of dividing (that is X^T t, not the solution)
def ols_weights_svd(X, t):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    return Vt.T @ (s * (U.T @ t))
