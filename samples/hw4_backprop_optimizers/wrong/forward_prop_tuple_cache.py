# replaces: forward_propagation
# expect-fail: test_forward_propagation_cache
# why: y_hat is right but the cache is a tuple (Z1, A1, Z2, A2), not the dict with the four
# keys the statement fixes: one point lost, and backward_propagation is still graded on a
# correct cache
def forward_propagation(X, params):
    Z1 = params["W1"] @ X + params["b1"]
    A1 = sigmoid(Z1)
    Z2 = params["W2"] @ A1 + params["b2"]
    A2 = sigmoid(Z2)
    return A2, (Z1, A1, Z2, A2)
