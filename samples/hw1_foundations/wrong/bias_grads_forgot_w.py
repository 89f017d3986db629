# replaces: bias_gradients
# expect-fail: test_bias_gradients_public test_bias_gradients_tanh test_bias_gradients_relu
# why: the chain rule stops at the hidden unit: forgets the factor w_j from yhat = w . h + b
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
    r = h @ w + b - y
    return (r[:, None] * dh).sum(axis=0), float(r.sum())
