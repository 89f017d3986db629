# replaces: compute_bce
# expect-fail: test_compute_bce_saturated
# why: guards only log(y_hat) with np.maximum(y_hat, eps); log(1 - y_hat) is still -inf for
# y_hat exactly 1 (a RuntimeWarning, then an infinite cost)
def compute_bce(y_hat, Y):
    eps = 1e-12
    return float(-np.mean(Y * np.log(np.maximum(y_hat, eps)) + (1 - Y) * np.log(1 - y_hat)))
