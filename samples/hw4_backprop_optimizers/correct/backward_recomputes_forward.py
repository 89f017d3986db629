# replaces: backward_propagation
# why: ignores the cache and recomputes the forward pass; np.mean for the biases
def backward_propagation(params, cache, X, Y):
    m = X.shape[1]
    A1 = 1 / (1 + np.exp(-(params["W1"] @ X + params["b1"])))
    A2 = 1 / (1 + np.exp(-(params["W2"] @ A1 + params["b2"])))
    dZ2 = A2 - Y
    dZ1 = (params["W2"].T @ dZ2) * A1 * (1 - A1)
    return {
        "dW2": dZ2 @ A1.T / m,
        "db2": dZ2.mean(axis=1, keepdims=True),
        "dW1": dZ1 @ X.T / m,
        "db1": dZ1.mean(axis=1, keepdims=True),
    }
