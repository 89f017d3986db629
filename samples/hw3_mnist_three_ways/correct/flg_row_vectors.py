# replaces: first_layer_gradients
# why: works with row vectors (1 x n) throughout and reshapes at the end
def first_layer_gradients(params, x, y):
    x = np.asarray(x, dtype=float).reshape(1, -1)
    y = np.asarray(y, dtype=float).reshape(1, -1)
    z1 = x @ params["W1"].T + params["b1"]
    h1 = np.where(z1 > 0, z1, 0.0)
    z2 = h1 @ params["W2"].T + params["b2"]
    h2 = np.where(z2 > 0, z2, 0.0)
    z3 = h2 @ params["W3"].T + params["b3"]
    p = np.exp(z3 - z3.max())
    p /= p.sum()
    dp = p - y
    dz3 = p * dp - p * np.sum(p * dp)
    dz2 = (dz3 @ params["W3"]) * (z2 > 0)
    dz1 = (dz2 @ params["W2"]) * (z1 > 0)
    return dz1.T @ x, dz1.reshape(-1)
