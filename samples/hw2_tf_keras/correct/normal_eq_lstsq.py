# replaces: normal_equation_weights
# why: np.linalg.lstsq on X itself, which solves the same problem through the SVD
def normal_equation_weights(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0]
