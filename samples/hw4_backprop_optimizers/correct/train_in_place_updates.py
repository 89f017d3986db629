# replaces: train
# why: in-place updates of the parameter arrays, costs returned as a NumPy array
def train(X, Y, n_h, lr, epochs, seed):
    params = init_params(X.shape[0], n_h, 1, seed)
    costs = np.empty(epochs)
    for epoch in range(epochs):
        y_hat, cache = forward_propagation(X, params)
        costs[epoch] = compute_bce(y_hat, Y)
        grads = backward_propagation(params, cache, X, Y)
        for name in ("W1", "b1", "W2", "b2"):
            params[name] -= lr * grads["d" + name]
    return params, costs
