# replaces: compute_bce
# why: np.clip(y_hat, eps, 1 - eps) with eps = 1e-15, scikit-learn's old log_loss default
def compute_bce(y_hat, Y):
    eps = 1e-15
    y_hat = np.clip(y_hat, eps, 1 - eps)
    return float(np.mean(-(Y * np.log(y_hat) + (1 - Y) * np.log(1 - y_hat))))
