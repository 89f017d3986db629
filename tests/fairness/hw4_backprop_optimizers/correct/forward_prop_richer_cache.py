# replaces: forward_propagation
# why: a cache with more than the four required entries: the input, the weights and the
# hidden sigmoid's derivative, as several tutorials store them
def forward_propagation(X, params):
    W1, b1, W2, b2 = (params[k] for k in ("W1", "b1", "W2", "b2"))
    Z1 = np.dot(W1, X) + b1
    A1 = sigmoid(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    cache = {"A0": X, "W1": W1, "W2": W2, "Z1": Z1, "A1": A1, "dA1_dZ1": A1 * (1 - A1),
             "Z2": Z2, "A2": A2}
    return A2, cache
