# replaces: forward_propagation
# expect-fail: test_forward_propagation_cache
# why: y_hat is right, but the cache keys are "z1", "a1", ... instead of the statement's
# "Z1", "A1", ...: one point lost, and backward_propagation is still graded on a correct cache
def forward_propagation(X, params):
    z1 = params["W1"] @ X + params["b1"]
    a1 = sigmoid(z1)
    z2 = params["W2"] @ a1 + params["b2"]
    a2 = sigmoid(z2)
    return a2, {"z1": z1, "a1": a1, "z2": z2, "a2": a2}
