# replaces: ridge_weights_svd
# expect-fail: test_ridge_weights_svd
# why: warns when X is rank deficient and then returns the minimum-norm least-squares weights,
# dropping the penalty exactly where it matters
import warnings


def ridge_weights_svd(X, t, lam):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    if np.min(s) < 1e-10 * np.max(s):
        warnings.warn("X is rank deficient, using np.linalg.lstsq", stacklevel=2)
        return np.linalg.lstsq(X, t, rcond=None)[0]
    return Vt.T @ (s / (s**2 + lam) * (U.T @ t))
