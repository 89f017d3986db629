# replaces: standardize
# expect-fail: test_standardize
# why: warns about the constant features but still divides by their zero deviation, so
# they come out as NaN (with NumPy's "invalid value" warning)
import warnings


def standardize(X):
    X = np.asarray(X, dtype=float)
    std = X.std(axis=0)
    if (std == 0).any():
        warnings.warn("some features are constant", stacklevel=2)
    return (X - X.mean(axis=0)) / std
