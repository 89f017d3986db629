# replaces: standardize
# expect-fail: test_standardize
# why: subtracts and divides in place, overwriting the caller's array
def standardize(X):
    std = X.std(axis=0)
    X -= X.mean(axis=0)
    X /= np.where(std > 0, std, 1.0)
    return X
