# replaces: grad_squared_norm
# expect-fail: test_grad_squared_norm
# why: differentiates x_j^2 to x_j, forgetting the factor 2
def grad_squared_norm(x):
    return np.asarray(x, dtype=float)
