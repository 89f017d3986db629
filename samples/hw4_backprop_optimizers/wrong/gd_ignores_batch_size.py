# replaces: gradient_descent
# expect-fail: test_gradient_descent_minibatch
# why: ignores batch_size: always one full-batch step per epoch
def gradient_descent(X, y, batch_size, lr, epochs, seed):
    n, d = X.shape
    w = np.zeros(d)
    losses = []
    for _ in range(epochs):
        w = w - lr * 2 / n * X.T @ (X @ w - y)
        losses.append(np.mean((X @ w - y) ** 2))
    return w, losses
