# replaces: ridge_shrinkage_factors
# expect-fail: test_ridge_shrinkage_factors
# why: returns the ridge diagonal s / (s^2 + lam) instead of the shrinkage s^2 / (s^2 + lam)
def ridge_shrinkage_factors(X, lam):
    s = np.linalg.svd(X, compute_uv=False)
    return s / (s**2 + lam)
