# replaces: min_max_normalize
# expect-fail: test_min_max_normalize
# why: divides by the maximum only, as if every feature started at 0
def min_max_normalize(X):
    top = np.abs(X).max(axis=0)
    return X / np.where(top > 0, top, 1.0)
