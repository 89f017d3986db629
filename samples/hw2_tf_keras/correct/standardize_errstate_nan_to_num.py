# replaces: standardize
# why: silences the 0/0 of constant features with np.errstate and turns the NaN into 0
def standardize(X):
    X = np.asarray(X, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        Z = (X - X.mean(axis=0)) / X.std(axis=0)
    return np.nan_to_num(Z, nan=0.0)
