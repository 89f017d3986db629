# replaces: compute_bce
# why: adds eps = 1e-8 inside the logs instead of clipping, as the statement allows
def compute_bce(y_hat, Y):
    eps = 1e-8
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(y_hat + eps) + (1 - Y) * np.log(1 - y_hat + eps)) / m)
