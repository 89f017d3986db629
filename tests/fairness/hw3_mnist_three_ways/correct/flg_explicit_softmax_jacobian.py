# replaces: first_layer_gradients
# why: builds the K x K softmax Jacobian diag(s) - s s^T and the ReLU Jacobians as diagonal
# matrices, then multiplies the chain out (the textbook form, written with row vectors)
import numpy as np


def first_layer_gradients(params, x, y):
    W1, b1, W2, b2, W3, b3 = (np.asarray(params[k], dtype=np.float64)
                              for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    z1 = W1 @ x + b1
    h1 = np.maximum(z1, 0)
    z2 = W2 @ h1 + b2
    h2 = np.maximum(z2, 0)
    z3 = W3 @ h2 + b3
    s = np.exp(z3 - np.max(z3))
    s /= s.sum()
    jacobian_softmax = np.diag(s) - np.outer(s, s)       # d s / d z3
    dJ_ds = (s - y)[None, :]                              # row vector, 1 x K
    dJ_dz3 = dJ_ds @ jacobian_softmax
    dJ_dz2 = dJ_dz3 @ W3 @ np.diag((z2 > 0).astype(float))
    dJ_dz1 = dJ_dz2 @ W2 @ np.diag((z1 > 0).astype(float))
    return dJ_dz1.T @ x[None, :], dJ_dz1.ravel()
