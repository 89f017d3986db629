# replaces: compute_bce
# expect-fail: test_compute_bce test_compute_bce_saturated
# why: sums the losses over the batch instead of averaging them
def compute_bce(y_hat, Y):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log(y_hat) + (1 - Y) * np.log(1 - y_hat)))
