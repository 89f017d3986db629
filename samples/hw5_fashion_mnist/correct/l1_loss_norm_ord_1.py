# replaces: l1_loss
# why: the 1-norm of the residual through np.linalg.norm(ord=1)
def l1_loss(X, y, w):
    return float(np.linalg.norm(np.asarray(y, dtype=float) - np.asarray(X) @ np.asarray(w), ord=1))
