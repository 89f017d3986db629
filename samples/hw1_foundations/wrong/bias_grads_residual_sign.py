# replaces: bias_gradients
# expect-fail: test_bias_gradients_public test_bias_gradients_tanh test_bias_gradients_relu
# why: drops the minus sign of the inner derivative: uses y - yhat instead of yhat - y
def bias_gradients(X, y, V, c, w, b, activation):
    a = X @ V.T + c
    if activation == "sigmoid":
        h = 1 / (1 + np.exp(-a))
        dh = h * (1 - h)
    elif activation == "tanh":
        h = np.tanh(a)
        dh = 1 - h**2
    else:
        h = np.maximum(a, 0)
        dh = (a > 0).astype(float)
    r = y - (h @ w + b)
    return (r[:, None] * dh * w).sum(axis=0), float(r.sum())
