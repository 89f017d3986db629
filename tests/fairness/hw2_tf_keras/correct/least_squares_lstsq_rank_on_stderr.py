# replaces: least_squares_weights
# why: np.linalg.lstsq, with a note on sys.stderr when X is rank deficient (lstsq then
# returns the minimum-norm solution)
import sys


def least_squares_weights(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w, _, rank, _ = np.linalg.lstsq(X, y, rcond=None)
    if rank < X.shape[1]:
        print(f"note: X has rank {rank} < {X.shape[1]} features; minimum-norm solution",
              file=sys.stderr)
    return w
