# replaces: standardize
# why: reuses fit_standardizer and apply_standardizer
def standardize(X):
    mean, std = fit_standardizer(X)
    return apply_standardizer(X, mean, std)
