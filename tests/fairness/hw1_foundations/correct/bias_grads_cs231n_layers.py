# replaces: bias_gradients
# why: CS231n style: layer forward functions that return (out, cache), backward functions that
# take the upstream gradient dout and the cache; the output layer is an affine layer with
# one unit, and the bias gradients are what the affine backward passes return
def affine_forward(x, W, bias):
    return x @ W + bias, (x, W)


def affine_backward(dout, cache):
    x, W = cache
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)


def activation_forward(x, kind):
    if kind == "sigmoid":
        out = 1 / (1 + np.exp(-x))
    elif kind == "tanh":
        out = np.tanh(x)
    elif kind == "relu":
        out = np.maximum(0, x)
    else:
        raise ValueError(kind)
    return out, (x, out, kind)


def activation_backward(dout, cache):
    x, out, kind = cache
    if kind == "sigmoid":
        return dout * out * (1 - out)
    if kind == "tanh":
        return dout * (1 - out**2)
    dx = dout.copy()
    dx[x <= 0] = 0
    return dx


def bias_gradients(X, y, V, c, w, b, activation):
    a, fc1_cache = affine_forward(X, V.T, c)
    h, act_cache = activation_forward(a, activation)
    scores, fc2_cache = affine_forward(h, w.reshape(-1, 1), np.array([b]))
    dscores = scores - y.reshape(-1, 1)  # dE/dyhat for E = 1/2 sum (y - yhat)^2
    dh, _, db = affine_backward(dscores, fc2_cache)
    da = activation_backward(dh, act_cache)
    _, _, dc = affine_backward(da, fc1_cache)
    return dc, db.item()
