# replaces: train
# why: initialises with its own Xavier-scaled weights instead of calling init_params
def train(X, Y, n_h, lr, epochs, seed):
    rng = np.random.default_rng(seed)
    n_x = X.shape[0]
    params = {"W1": rng.normal(size=(n_h, n_x)) / np.sqrt(n_x), "b1": np.zeros((n_h, 1)),
              "W2": rng.normal(size=(1, n_h)) / np.sqrt(n_h), "b2": np.zeros((1, 1))}
    costs = []
    for _ in range(epochs):
        y_hat, cache = forward_propagation(X, params)
        costs.append(compute_bce(y_hat, Y))
        grads = backward_propagation(params, cache, X, Y)
        params = {k: v - lr * grads["d" + k] for k, v in params.items()}
    return params, costs
