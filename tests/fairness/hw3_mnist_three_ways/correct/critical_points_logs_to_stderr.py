# replaces: critical_points
# why: solves each pair of factors with np.linalg.solve and logs every point to sys.stderr
import sys

import numpy as np


def critical_points():
    # df/dx = y (2x + y - 6), df/dy = x (x + 2y - 6): one linear equation from each.
    first = [([0.0, 1.0], 0.0), ([2.0, 1.0], 6.0)]
    second = [([1.0, 0.0], 0.0), ([1.0, 2.0], 6.0)]
    found = []
    for row1, rhs1 in first:
        for row2, rhs2 in second:
            x, y = np.linalg.solve(np.array([row1, row2]), np.array([rhs1, rhs2]))
            H = np.array([[2 * y, 2 * x + 2 * y - 6], [2 * x + 2 * y - 6, 2 * x]])
            eigenvalues = np.linalg.eigvalsh(H)
            if eigenvalues.min() < 0 < eigenvalues.max():
                kind = "saddle"
            elif eigenvalues.min() > 0:
                kind = "local minimum"
            else:
                kind = "local maximum"
            print(f"critical point ({x:g}, {y:g}): {kind}", file=sys.stderr)
            found.append(((float(x), float(y)), kind))
    return found
