# replaces: relu_affine_gradient
# why: np.heaviside(z, 1) picks the >= 0 branch; warns (UserWarning) when an input sits on
# the kink, where the derivative is a convention
import warnings

import numpy as np


def relu_affine_gradient(b, w, x):
    z = np.asarray(b, dtype=float) + np.asarray(x, dtype=float) * np.asarray(w, dtype=float)
    if np.any(z == 0):
        warnings.warn("b + x w = 0: using the derivative of the >= 0 branch", stacklevel=2)
    step = np.heaviside(z, 1.0)
    return step, step * np.asarray(x, dtype=float)
