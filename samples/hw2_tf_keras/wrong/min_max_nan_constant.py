# replaces: min_max_normalize
# expect-fail: test_min_max_normalize
# why: the plain formula divides 0 by 0 on a constant feature (NaN and a warning)
def min_max_normalize(X):
    return (X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0))
