# replaces: ols_weights_svd
# why: the full SVD (np.linalg.svd's default) with the d x n pseudo-inverse of the n x d
# matrix Sigma, as in linear-algebra textbooks: V Sigma^+ U^T t
def ols_weights_svd(X, t):
    n, d = X.shape
    U, s, Vt = np.linalg.svd(X)  # U is n x n, Vt is d x d
    Sigma_pinv = np.zeros((d, n))
    Sigma_pinv[:d, :d] = np.diag(1.0 / s)
    return Vt.T @ Sigma_pinv @ U.T @ t
