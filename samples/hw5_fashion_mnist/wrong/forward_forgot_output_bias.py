# replaces: relu_net_forward
# expect-fail: test_relu_net_forward
# why: leaves out the output bias b_O
def relu_net_forward(x, theta):
    x = np.asarray(x, dtype=float)
    out = np.maximum(0.0, x[..., None] * theta["W_H"] + theta["b_H"]) @ theta["W_O"]
    return float(out) if out.ndim == 0 else out
