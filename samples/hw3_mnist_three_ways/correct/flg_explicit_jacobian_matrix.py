# replaces: first_layer_gradients
# why: forms the softmax Jacobian diag(yhat) - yhat yhat^T explicitly, masks from h > 0
def first_layer_gradients(params, x, y):
    x = np.asarray(x, dtype=float)
    h1 = np.maximum(params["W1"] @ x + params["b1"], 0)
    h2 = np.maximum(params["W2"] @ h1 + params["b2"], 0)
    z3 = params["W3"] @ h2 + params["b3"]
    e = np.exp(z3 - np.max(z3))
    y_hat = e / np.sum(e)
    jacobian = np.diag(y_hat) - np.outer(y_hat, y_hat)
    delta3 = jacobian.T @ (y_hat - y)
    delta2 = (params["W3"].T @ delta3) * (h2 > 0)
    delta1 = (params["W2"].T @ delta2) * (h1 > 0)
    return delta1[:, None] * x[None, :], delta1
