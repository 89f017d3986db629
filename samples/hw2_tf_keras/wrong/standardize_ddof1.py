# replaces: standardize
# expect-fail: test_standardize
# why: the sample standard deviation (ddof=1) instead of the population one (ddof=0)
def standardize(X):
    std = X.std(axis=0, ddof=1)
    return (X - X.mean(axis=0)) / np.where(std > 0, std, 1.0)
