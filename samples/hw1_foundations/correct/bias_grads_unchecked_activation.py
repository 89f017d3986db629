# replaces: bias_gradients
# why: one branch per activation with ReLU as the else branch (any other name is taken as
# ReLU instead of raising), the logistic function written out and both gradients returned
# in one line
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
    return (r[:, None] * dh * w).sum(axis=0), float(r.sum())
