# replaces: gradient_descent
# expect-fail: test_gradient_descent_minibatch
# why: skips the last, smaller batch of each epoch (range stops at n - batch_size)
def gradient_descent(X, y, batch_size, lr, epochs, seed):
    n, d = X.shape
    size = n if batch_size is None else batch_size
    rng = np.random.default_rng(seed)
    w = np.zeros(d)
    losses = []
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n - size + 1, size):
            idx = order[start:start + size]
            w = w - lr * 2 / len(idx) * X[idx].T @ (X[idx] @ w - y[idx])
        losses.append(np.mean((X @ w - y) ** 2))
    return w, losses
