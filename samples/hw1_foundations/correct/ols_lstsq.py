# replaces: ols_weights_svd
# why: np.linalg.lstsq, which solves the same problem through an SVD internally
def ols_weights_svd(X, t):
    w, *_ = np.linalg.lstsq(X, t, rcond=None)
    return w
