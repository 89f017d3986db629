# replaces: manual_gradients
# why: one sample at a time with outer products, accumulated and divided by n
def manual_gradients(params, X, y):
    grads = {k: np.zeros_like(np.asarray(v, dtype=float)) for k, v in params.items()}
    n = len(y)
    for x_i, y_i in zip(X, y):
        z1 = x_i @ params["W1"] + params["b1"]
        h = np.maximum(z1, 0)
        s = h @ params["W2"] + params["b2"]
        p = np.exp(s - s.max())
        p /= p.sum()
        p[y_i] -= 1.0
        dz1 = (params["W2"] @ p) * (z1 > 0)
        grads["W2"] += np.outer(h, p) / n
        grads["b2"] += p / n
        grads["W1"] += np.outer(x_i, dz1) / n
        grads["b1"] += dz1 / n
    return grads
