# replaces: train
# why: a tqdm.auto progress bar over the epochs with the cost as its postfix (tqdm writes to
# stderr, or shows a widget in a notebook)
from tqdm.auto import tqdm


def train(X, Y, n_h, lr, epochs, seed):
    params = init_params(X.shape[0], n_h, 1, seed)
    costs = []
    progress = tqdm(range(epochs), desc="training", unit="epoch")
    for epoch in progress:
        y_hat, cache = forward_propagation(X, params)
        cost = compute_bce(y_hat, Y)
        costs.append(cost)
        grads = backward_propagation(params, cache, X, Y)
        for key in params:
            params[key] = params[key] - lr * grads["d" + key]
        if epoch % 100 == 0:
            progress.set_postfix(cost=f"{cost:.4f}")
    return params, costs
