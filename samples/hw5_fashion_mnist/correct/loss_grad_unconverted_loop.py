# replaces: loss_gradient
# why: the loop over the data points without converting xs and ys first and without a
# final float(): "b_O" comes out as the NumPy float64 that the array arithmetic gives
def loss_gradient(theta, xs, ys):
    grad = {k: np.zeros_like(np.asarray(theta[k], dtype=float)) for k in THETA_KEYS}
    for x, y in zip(xs, ys):
        residual = y - relu_net_forward(float(x), theta)
        g = relu_net_gradient(float(x), theta)
        for k in THETA_KEYS:
            grad[k] = grad[k] - 2 * residual * np.asarray(g[k])
    return grad
