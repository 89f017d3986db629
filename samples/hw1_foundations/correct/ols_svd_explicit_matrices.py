# replaces: ols_weights_svd
# why: the formula literally, with V, S^-1 and U^T as matrices
def ols_weights_svd(X, t):
    U, s, Vh = np.linalg.svd(X, full_matrices=False)
    V = Vh.T
    S_inv = np.diag(1.0 / s)
    return V @ S_inv @ U.T @ t
