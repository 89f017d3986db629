# replaces: compute_bce
# why: clips with the machine epsilon np.finfo(float).eps (1 - eps is still below 1)
def compute_bce(y_hat, Y):
    eps = np.finfo(float).eps
    p = np.clip(y_hat, eps, 1 - eps)
    m = Y.shape[1]
    return float(-(np.dot(Y, np.log(p).T) + np.dot(1 - Y, np.log(1 - p).T)).item() / m)
