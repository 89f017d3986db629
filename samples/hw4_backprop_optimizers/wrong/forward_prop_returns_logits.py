# replaces: forward_propagation
# expect-fail: test_forward_propagation
# why: returns the output pre-activation Z2 as y_hat instead of sigmoid(Z2); the cache is right
def forward_propagation(X, params):
    Z1 = params["W1"] @ X + params["b1"]
    A1 = sigmoid(Z1)
    Z2 = params["W2"] @ A1 + params["b2"]
    A2 = sigmoid(Z2)
    return Z2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
