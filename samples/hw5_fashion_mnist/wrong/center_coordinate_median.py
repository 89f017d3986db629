# replaces: minimizing_center
# expect-fail: test_minimizing_center
# why: the coordinate-wise median minimises the sum of absolute, not squared, distances
def minimizing_center(X):
    return np.median(np.asarray(X, dtype=float), axis=0)
