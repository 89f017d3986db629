# replaces: gradient_descent
# expect-fail: test_gradient_descent_full_batch test_gradient_descent_minibatch
# why: records the loss at the start of each epoch instead of after its updates
def gradient_descent(X, y, batch_size, lr, epochs, seed):
    n, d = X.shape
    size = n if batch_size is None else batch_size
    rng = np.random.default_rng(seed)
    w = np.zeros(d)
    losses = []
    for _ in range(epochs):
        losses.append(np.mean((X @ w - y) ** 2))
        order = rng.permutation(n)
        for start in range(0, n, size):
            idx = order[start:start + size]
            w = w - lr * 2 / len(idx) * X[idx].T @ (X[idx] @ w - y[idx])
    return w, losses
