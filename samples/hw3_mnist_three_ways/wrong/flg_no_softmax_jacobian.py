# replaces: first_layer_gradients
# expect-fail: test_first_layer_gradients
# why: the published derivation: takes dJ/dz3 = yhat - y, which is the cross-entropy gradient
# in-sample: yes
def first_layer_gradients(params, x, y):
    z1 = params["W1"] @ x + params["b1"]
    h1 = np.maximum(z1, 0)
    z2 = params["W2"] @ h1 + params["b2"]
    h2 = np.maximum(z2, 0)
    z3 = params["W3"] @ h2 + params["b3"]
    y_hat = np.exp(z3 - z3.max()) / np.exp(z3 - z3.max()).sum()
    delta3 = y_hat - y
    delta2 = (params["W3"].T @ delta3) * (z2 > 0)
    delta1 = (params["W2"].T @ delta2) * (z1 > 0)
    return np.outer(delta1, x), delta1
