# replaces: relu_net_gradient
# expect-fail: test_relu_net_gradient_at_kink
# why: counts a unit exactly at its kink as active (pre >= 0), against the stated
# convention ReLU'(0) = 0
def relu_net_gradient(x, theta):
    pre = theta["W_H"] * x + theta["b_H"]
    slope = (pre >= 0).astype(float)
    return {"W_H": theta["W_O"] * slope * x, "b_H": theta["W_O"] * slope,
            "W_O": np.maximum(pre, 0.0), "b_O": 1.0}
