# replaces: ridge_shrinkage_factors
# expect-fail: test_ridge_shrinkage_factors
# why: forgets to square the singular values: s / (s + lam)
def ridge_shrinkage_factors(X, lam):
    s = np.linalg.svd(X, compute_uv=False)
    return s / (s + lam)
