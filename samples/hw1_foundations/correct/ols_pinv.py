# replaces: ols_weights_svd
# why: the Moore-Penrose pseudo-inverse, V S^-1 U^T as one matrix
def ols_weights_svd(X, t):
    return np.linalg.pinv(X) @ t
