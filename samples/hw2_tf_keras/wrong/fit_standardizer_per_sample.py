# replaces: fit_standardizer
# expect-fail: test_fit_standardizer
# why: takes the statistics along axis 1, one per sample instead of one per feature
def fit_standardizer(X):
    return X.mean(axis=1), X.std(axis=1)
