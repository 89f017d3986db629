# replaces: compute_bce
# why: turns clipped probabilities into logits z and uses log(1 + e^z) - y z with np.logaddexp
def compute_bce(y_hat, Y):
    p = np.clip(np.asarray(y_hat, dtype=float), 1e-15, 1 - 1e-15)
    z = np.log(p) - np.log1p(-p)
    return float(np.mean(np.logaddexp(0.0, z) - np.asarray(Y, dtype=float) * z))
