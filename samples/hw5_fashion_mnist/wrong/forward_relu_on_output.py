# replaces: relu_net_forward
# expect-fail: test_relu_net_forward
# why: applies a ReLU to the output too, so the network can never output a negative number
def relu_net_forward(x, theta):
    x = np.asarray(x, dtype=float)
    hidden = np.maximum(0.0, x[..., None] * theta["W_H"] + theta["b_H"])
    out = np.maximum(0.0, hidden @ theta["W_O"] + theta["b_O"])
    return float(out) if out.ndim == 0 else out
