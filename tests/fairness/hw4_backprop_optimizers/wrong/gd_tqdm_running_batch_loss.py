# replaces: gradient_descent
# expect-fail: test_gradient_descent_full_batch test_gradient_descent_minibatch
# why: a tqdm bar and Keras's bookkeeping: records the mean of the batch losses seen during
# the epoch (each before its update) instead of the loss on the whole set after the epoch
from tqdm import tqdm


def gradient_descent(X, y, batch_size, lr, epochs, seed):
    n, d = X.shape
    size = batch_size or n
    rng = np.random.default_rng(seed)
    w = np.zeros(d)
    losses = []
    for _ in tqdm(range(epochs)):
        order = rng.permutation(n)
        batch_losses = []
        for start in range(0, n, size):
            idx = order[start:start + size]
            residual = X[idx] @ w - y[idx]
            batch_losses.append(np.mean(residual**2))
            w = w - lr * 2 / len(idx) * X[idx].T @ residual
        losses.append(float(np.mean(batch_losses)))
    return w, losses
