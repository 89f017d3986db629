# replaces: minimizing_center
# expect-fail: test_minimizing_center
# why: averages along the wrong axis: one number per point instead of one per coordinate
def minimizing_center(X):
    return np.asarray(X, dtype=float).mean(axis=1)
