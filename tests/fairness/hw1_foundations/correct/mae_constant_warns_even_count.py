# replaces: best_constant_mae
# why: the median, with a UserWarning (warnings.warn) when the count is even and the
# minimiser is a whole interval
import warnings


def best_constant_mae(y):
    y = np.asarray(y, dtype=float)
    if y.size % 2 == 0:
        warnings.warn(f"{y.size} targets: every value between the two middle ones minimises "
                      "the MAE; returning their midpoint", UserWarning, stacklevel=2)
    return float(np.median(y))
