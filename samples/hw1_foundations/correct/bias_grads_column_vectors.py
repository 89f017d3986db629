# replaces: bias_gradients
# why: column-vector style: residuals of shape (n, 1), so dE_db comes out as a one-element array
def bias_gradients(X, y, V, c, w, b, activation):
    a = X @ V.T + c[None, :]
    if activation == "relu":
        h, dh = np.maximum(a, 0), (a > 0) * 1.0
    elif activation == "tanh":
        h = np.tanh(a)
        dh = 1 - h * h
    else:
        h = sigmoid(a)
        dh = h * (1 - h)
    r = h @ w.reshape(-1, 1) + b - y.reshape(-1, 1)  # (n, 1)
    delta = r * dh * w.reshape(1, -1)  # (n, H)
    return delta.sum(axis=0), r.sum(axis=0)
