# replaces: loss_gradient
# expect-fail: test_loss_gradient
# why: averages over the data points, the gradient of the mean squared error, while L is a sum
def loss_gradient(theta, xs, ys):
    grad = {k: np.zeros_like(np.asarray(theta[k], dtype=float)) for k in THETA_KEYS}
    for x, y in zip(xs, ys):
        residual = y - relu_net_forward(float(x), theta)
        g = relu_net_gradient(float(x), theta)
        for k in THETA_KEYS:
            grad[k] = grad[k] - 2 * residual * np.asarray(g[k]) / len(xs)
    return grad
