# replaces: forward_propagation
# expect-fail: test_forward_propagation test_forward_propagation_cache
# why: forgets to add the biases b1 and b2 (so the cached arrays are wrong as well; the
# backward test gives backward_propagation a correct cache, so this costs points only here)
def forward_propagation(X, params):
    Z1 = params["W1"] @ X
    A1 = sigmoid(Z1)
    Z2 = params["W2"] @ A1
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
