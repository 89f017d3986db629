# replaces: bias_gradients
# why: loops over the hidden units (not the samples), each a vectorised sum over the batch
def bias_gradients(X, y, V, c, w, b, activation):
    n, H = X.shape[0], V.shape[0]
    pre = np.empty((n, H))
    for j in range(H):
        pre[:, j] = X @ V[j] + c[j]
    if activation == "relu":
        act = np.where(pre > 0, pre, 0.0)
        slope = np.where(pre > 0, 1.0, 0.0)
    elif activation == "tanh":
        act = np.tanh(pre)
        slope = 1.0 / np.cosh(pre) ** 2
    elif activation == "sigmoid":
        act = sigmoid(pre)
        slope = sigmoid(pre) * sigmoid(-pre)
    else:
        raise ValueError(activation)
    err = act @ w + b - y
    grad_c = np.zeros(H)
    for j in range(H):
        grad_c[j] = w[j] * np.dot(err, slope[:, j])
    return grad_c, float(np.sum(err))
