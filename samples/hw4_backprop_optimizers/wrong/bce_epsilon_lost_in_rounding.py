# replaces: compute_bce
# expect-fail: test_compute_bce_saturated
# why: clips with eps = 1e-20, but 1 - 1e-20 == 1.0 in float64, so log(1 - y_hat) is still -inf
def compute_bce(y_hat, Y):
    eps = 1e-20
    y_hat = np.clip(y_hat, eps, 1 - eps)
    return float(-np.mean(Y * np.log(y_hat) + (1 - Y) * np.log(1 - y_hat)))
