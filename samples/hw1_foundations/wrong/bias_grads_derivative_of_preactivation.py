# replaces: bias_gradients
# expect-fail: test_bias_gradients_public test_bias_gradients_tanh
# why: plugs the pre-activation a into "s(1-s)" and "1-t^2" instead of the activation's output
def bias_gradients(X, y, V, c, w, b, activation):
    a = X @ V.T + c
    if activation == "sigmoid":
        h = 1 / (1 + np.exp(-a))
        dh = a * (1 - a)
    elif activation == "tanh":
        h = np.tanh(a)
        dh = 1 - a**2
    else:
        h = np.maximum(a, 0)
        dh = (a > 0).astype(float)
    r = h @ w + b - y
    return (r[:, None] * dh * w).sum(axis=0), float(r.sum())
