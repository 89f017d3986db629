# replaces: relu_net_forward
# why: sums the four units one by one; works for floats and arrays alike
def relu_net_forward(x, theta):
    out = theta["b_O"]
    for i in range(4):
        unit = np.maximum(0.0, theta["W_H"][i] * np.asarray(x) + theta["b_H"][i])
        out = out + theta["W_O"][i] * unit
    return out
