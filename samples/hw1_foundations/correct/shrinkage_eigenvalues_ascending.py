# replaces: ridge_shrinkage_factors
# why: s_j^2 are the eigenvalues of X^T X (np.linalg.eigvalsh, ascending, clipped at 0)
def ridge_shrinkage_factors(X, lam):
    eig = np.clip(np.linalg.eigvalsh(X.T @ X), 0.0, None)
    return eig / (eig + lam)
