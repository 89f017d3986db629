# replaces: relu_net_forward
# why: np.outer on at-least-1-D inputs, then back to a float for a scalar input
def relu_net_forward(x, theta):
    xs = np.atleast_1d(np.asarray(x, dtype=float))
    hidden = np.clip(np.outer(xs, theta["W_H"]) + theta["b_H"], 0.0, None)
    out = hidden.dot(theta["W_O"]) + theta["b_O"]
    return out.item() if np.ndim(x) == 0 else out
