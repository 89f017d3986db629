# replaces: standardize
# expect-fail: test_standardize
# why: divides by a zero standard deviation on a constant feature (NaN and a warning)
def standardize(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)
