# replaces: min_max_normalize
# expect-fail: test_min_max_normalize
# why: uses the minimum and maximum of the whole matrix instead of each feature's
def min_max_normalize(X):
    spread = X.max() - X.min()
    return (X - X.min()) / (spread if spread > 0 else 1.0)
