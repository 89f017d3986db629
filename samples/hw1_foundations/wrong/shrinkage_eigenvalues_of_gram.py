# replaces: ridge_shrinkage_factors
# expect-fail: test_ridge_shrinkage_factors
# why: takes eigenvalues of X X^T (n of them) instead of X^T X, so there is one factor per sample
def ridge_shrinkage_factors(X, lam):
    eig = np.linalg.eigvalsh(X @ X.T)
    return eig / (eig + lam)
