# replaces: bias_gradients
# expect-fail: test_bias_gradients_relu
# why: uses the ReLU's output h = max(a, 0) as its derivative instead of the indicator a > 0
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
        dh = h
    r = h @ w + b - y
    return (r[:, None] * dh * w).sum(axis=0), float(r.sum())
