# replaces: forward_propagation
# expect-fail: test_forward_propagation test_backward_propagation
# why: forgets to add the biases b1 and b2 (so the cached activations are wrong as well)
def forward_propagation(X, params):
    Z1 = params["W1"] @ X
    A1 = sigmoid(Z1)
    Z2 = params["W2"] @ A1
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
