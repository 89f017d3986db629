# replaces: relu_net_forward
# expect-fail: test_relu_net_forward
# why: a dot product over the units works for one float but not for an array of inputs
def relu_net_forward(x, theta):
    hidden = np.maximum(0.0, theta["W_H"] * x + theta["b_H"])
    return np.dot(theta["W_O"], hidden) + theta["b_O"]
