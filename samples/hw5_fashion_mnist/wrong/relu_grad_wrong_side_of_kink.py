# replaces: relu_net_gradient
# expect-fail: test_relu_net_gradient test_relu_net_gradient_at_kink
# why: takes the ReLU's derivative from the wrong side of the kink (1 where the unit is
# off, 0 where it is on)
def relu_net_gradient(x, theta):
    pre = theta["W_H"] * x + theta["b_H"]
    slope = (pre < 0).astype(float)
    return {"W_H": theta["W_O"] * slope * x, "b_H": theta["W_O"] * slope,
            "W_O": np.maximum(pre, 0.0), "b_O": 1.0}
