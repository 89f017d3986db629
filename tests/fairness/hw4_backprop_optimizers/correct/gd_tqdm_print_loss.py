# replaces: gradient_descent
# why: `from tqdm import tqdm` bars over epochs and (leave=False) over the batches, and the loss
# printed after every epoch with tqdm.write
from tqdm import tqdm


def gradient_descent(X, y, batch_size, lr, epochs, seed):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    batch_size = batch_size or n
    rng = np.random.default_rng(seed)
    w = np.zeros(d)
    losses = []
    for epoch in tqdm(range(epochs), desc="epochs"):
        order = rng.permutation(n)
        starts = range(0, n, batch_size)
        for start in tqdm(starts, desc=f"epoch {epoch + 1}", leave=False):
            idx = order[start:start + batch_size]
            w -= lr * 2 / len(idx) * X[idx].T @ (X[idx] @ w - y[idx])
        losses.append(np.mean((X @ w - y) ** 2))
        tqdm.write(f"epoch {epoch + 1}: loss {losses[-1]:.6f}")
    return w, losses
