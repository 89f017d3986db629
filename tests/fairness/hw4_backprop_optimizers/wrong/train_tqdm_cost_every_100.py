# replaces: train
# expect-fail: test_train
# why: a tqdm bar, but the cost is recorded only every 100 epochs (as in many tutorials),
# not once per epoch as the statement asks
from tqdm.auto import tqdm


def train(X, Y, n_h, lr, epochs, seed):
    params = init_params(X.shape[0], n_h, 1, seed)
    costs = []
    for i in tqdm(range(epochs)):
        y_hat, cache = forward_propagation(X, params)
        grads = backward_propagation(params, cache, X, Y)
        for key in params:
            params[key] -= lr * grads["d" + key]
        if i % 100 == 0:
            costs.append(compute_bce(y_hat, Y))
    return params, costs
