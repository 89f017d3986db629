# replaces: min_max_normalize
# why: np.ptp for the spread and np.divide with where= and out= for constant features
def min_max_normalize(X):
    X = np.array(X, dtype=float)
    spread = np.ptp(X, axis=0)
    shifted = X - X.min(axis=0)
    return np.divide(shifted, spread, out=np.zeros_like(shifted), where=spread != 0)
