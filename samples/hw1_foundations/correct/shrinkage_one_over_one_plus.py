# replaces: ridge_shrinkage_factors
# why: from the full SVD, written as 1 - lam / (s^2 + lam)
def ridge_shrinkage_factors(X, lam):
    _, s, _ = np.linalg.svd(X, full_matrices=False)
    return 1.0 - lam / (s * s + lam)
