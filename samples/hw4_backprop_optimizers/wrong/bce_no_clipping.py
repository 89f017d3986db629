# replaces: compute_bce
# expect-fail: test_compute_bce_saturated
# why: the textbook formula without clipping: log(0) gives inf, and 0 * log(0) gives NaN
# in-sample: yes
def compute_bce(y_hat, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(y_hat) + (1 - Y) * np.log(1 - y_hat)) / m)
