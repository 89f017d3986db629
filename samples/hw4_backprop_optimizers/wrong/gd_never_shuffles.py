# replaces: gradient_descent
# expect-fail: test_gradient_descent_minibatch
# why: goes through the examples in their stored order every epoch: seed has no effect
def gradient_descent(X, y, batch_size, lr, epochs, seed):
    n, d = X.shape
    size = n if batch_size is None else batch_size
    w = np.zeros(d)
    losses = []
    for _ in range(epochs):
        for start in range(0, n, size):
            Xb, yb = X[start:start + size], y[start:start + size]
            w = w - lr * 2 / len(yb) * Xb.T @ (Xb @ w - yb)
        losses.append(np.mean((X @ w - y) ** 2))
    return w, losses
