# replaces: best_constant_mae
# expect-fail: test_best_constant_mae
# why: warns about an even count (fine) but then returns the mean of all targets instead of a
# value between the two middle ones
import warnings


def best_constant_mae(y):
    y = np.sort(np.asarray(y, dtype=float))
    n = len(y)
    if n % 2 == 1:
        return float(y[n // 2])
    warnings.warn("even number of targets: the minimiser is not unique", stacklevel=2)
    return float(np.mean(y))
