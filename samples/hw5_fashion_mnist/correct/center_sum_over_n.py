# replaces: minimizing_center
# why: the mean written out as a sum of the rows divided by their count
def minimizing_center(X):
    X = np.asarray(X, dtype=float)
    return X.sum(axis=0) / X.shape[0]
