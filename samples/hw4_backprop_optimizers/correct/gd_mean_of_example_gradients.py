# replaces: gradient_descent
# why: averages per-example gradients 2 (x.w - y) x explicitly; a fresh permutation per epoch
def gradient_descent(X, y, batch_size, lr, epochs, seed):
    n, d = X.shape
    if batch_size is None:
        batch_size = n
    rng = np.random.default_rng(seed)
    w = np.zeros(d)
    losses = []
    for _ in range(epochs):
        perm = rng.permutation(n)
        batches = [perm[i:i + batch_size] for i in range(0, n, batch_size)]
        for batch in batches:
            per_example = 2 * (X[batch] @ w - y[batch])[:, None] * X[batch]
            w = w - lr * per_example.mean(axis=0)
        losses.append(float(((X @ w - y) ** 2).mean()))
    return w, losses
