# replaces: compute_bce
# why: PyTorch's BCELoss rule, each log clamped at -100; np.log(0) emits a RuntimeWarning
# (divide by zero) on the way, which costs nothing
def compute_bce(y_hat, Y):
    log_p = np.maximum(np.log(y_hat), -100.0)
    log_not_p = np.maximum(np.log(1 - y_hat), -100.0)
    return float(-np.mean(Y * log_p + (1 - Y) * log_not_p))
