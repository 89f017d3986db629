# replaces: train
# expect-fail: test_train
# why: updates only W2 and b2, so the hidden layer keeps its random initial features
def train(X, Y, n_h, lr, epochs, seed):
    params = init_params(X.shape[0], n_h, 1, seed)
    costs = []
    for _ in range(epochs):
        y_hat, cache = forward_propagation(X, params)
        costs.append(compute_bce(y_hat, Y))
        grads = backward_propagation(params, cache, X, Y)
        params["W2"] = params["W2"] - lr * grads["dW2"]
        params["b2"] = params["b2"] - lr * grads["db2"]
    return params, costs
