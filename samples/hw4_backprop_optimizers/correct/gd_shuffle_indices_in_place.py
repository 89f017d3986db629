# replaces: gradient_descent
# why: rng.shuffle on an index array, a while loop over batches, losses as an array
def gradient_descent(X, y, batch_size, lr, epochs, seed):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(y)
    size = batch_size or n
    rng = np.random.default_rng(seed)
    indices = np.arange(n)
    w = np.zeros(X.shape[1])
    losses = np.zeros(epochs)
    for epoch in range(epochs):
        rng.shuffle(indices)
        start = 0
        while start < n:
            batch = indices[start:start + size]
            residual = X[batch] @ w - y[batch]
            w -= lr * (2.0 / batch.size) * (residual @ X[batch])
            start += size
        losses[epoch] = np.mean((X @ w - y) ** 2)
    return w, losses
