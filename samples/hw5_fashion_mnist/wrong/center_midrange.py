# replaces: minimizing_center
# expect-fail: test_minimizing_center
# why: the middle of the bounding box minimises the largest distance, not the sum of squares
def minimizing_center(X):
    X = np.asarray(X, dtype=float)
    return (X.max(axis=0) + X.min(axis=0)) / 2
