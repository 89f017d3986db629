# replaces: fit_standardizer
# expect-fail: test_fit_standardizer
# why: the sample standard deviation (ddof=1), unlike np.std's default and Keras
def fit_standardizer(X):
    return X.mean(axis=0), X.std(axis=0, ddof=1)
