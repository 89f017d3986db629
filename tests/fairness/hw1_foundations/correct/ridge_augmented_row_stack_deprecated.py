# replaces: ridge_weights_svd
# why: ridge as least squares on X stacked over sqrt(lam) I, stacked with np.row_stack, an
# alias NumPy 2 deprecates: every call writes a DeprecationWarning attributed to the
# student's own cell (IPython shows those) to stderr, and that must cost nothing
def ridge_weights_svd(X, t, lam):
    d = X.shape[1]
    X_aug = np.row_stack([X, np.sqrt(lam) * np.eye(d)])
    t_aug = np.concatenate([t, np.zeros(d)])
    return np.linalg.lstsq(X_aug, t_aug, rcond=None)[0]
