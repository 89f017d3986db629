# replaces: grad_squared_norm
# expect-fail: test_grad_squared_norm
# why: the gradient of the norm ||x|| (x / ||x||), not of the squared norm
def grad_squared_norm(x):
    x = np.asarray(x, dtype=float)
    return x / np.linalg.norm(x)
