# replaces: compute_bce
# expect-fail: test_compute_bce_saturated
# why: clips with eps = 1e-3: finite, but perfect predictions cost 1e-3 and every prediction
# below 1e-3 (or above 1 - 1e-3) is charged as if it were 1e-3
def compute_bce(y_hat, Y):
    eps = 1e-3
    y_hat = np.clip(y_hat, eps, 1 - eps)
    return float(-np.mean(Y * np.log(y_hat) + (1 - Y) * np.log(1 - y_hat)))
