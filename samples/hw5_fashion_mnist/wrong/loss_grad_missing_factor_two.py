# replaces: loss_gradient
# expect-fail: test_loss_gradient
# why: differentiates (y - f)^2 to -(y - f) df, forgetting the factor 2
def loss_gradient(theta, xs, ys):
    grad = {k: np.zeros_like(np.asarray(theta[k], dtype=float)) for k in THETA_KEYS}
    for x, y in zip(xs, ys):
        residual = y - relu_net_forward(float(x), theta)
        g = relu_net_gradient(float(x), theta)
        for k in THETA_KEYS:
            grad[k] = grad[k] - residual * np.asarray(g[k])
    return grad
