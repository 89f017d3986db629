# replaces: compute_bce
# why: clips with Keras's epsilon 1e-7 (a confidently wrong example then costs about 16)
def compute_bce(y_hat, Y):
    eps = 1e-7
    p = np.clip(np.asarray(y_hat, dtype=float), eps, 1 - eps)
    losses = -(Y * np.log(p) + (1 - Y) * np.log(1 - p))
    return float(losses.mean())
