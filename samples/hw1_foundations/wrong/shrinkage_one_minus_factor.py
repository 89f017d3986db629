# replaces: ridge_shrinkage_factors
# expect-fail: test_ridge_shrinkage_factors
# why: returns how much is removed, lam / (s^2 + lam), instead of how much is kept
def ridge_shrinkage_factors(X, lam):
    s = np.linalg.svd(X, compute_uv=False)
    return lam / (s**2 + lam)
