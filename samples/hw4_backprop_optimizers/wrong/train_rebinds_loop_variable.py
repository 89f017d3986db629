# replaces: train
# expect-fail: test_train
# why: "updates" the loop variable (value = value - ...), which leaves the dict unchanged
def train(X, Y, n_h, lr, epochs, seed):
    params = init_params(X.shape[0], n_h, 1, seed)
    costs = []
    for _ in range(epochs):
        y_hat, cache = forward_propagation(X, params)
        costs.append(compute_bce(y_hat, Y))
        grads = backward_propagation(params, cache, X, Y)
        for key, value in params.items():
            value = value - lr * grads["d" + key]
    return params, costs
