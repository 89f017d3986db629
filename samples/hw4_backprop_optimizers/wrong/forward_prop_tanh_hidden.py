# replaces: forward_propagation
# expect-fail: test_forward_propagation test_forward_propagation_cache
# why: uses tanh in the hidden layer although the network has sigmoid units (the cache is
# wrong too, which costs points in the cache test, not in the backward test)
def forward_propagation(X, params):
    Z1 = params["W1"] @ X + params["b1"]
    A1 = np.tanh(Z1)
    Z2 = params["W2"] @ A1 + params["b2"]
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
