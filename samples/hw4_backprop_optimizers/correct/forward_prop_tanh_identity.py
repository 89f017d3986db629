# replaces: forward_propagation
# why: sigmoid through 0.5 (1 + tanh(z / 2)), np.dot, and extra entries in the cache
def forward_propagation(X, params):
    def logistic(z):
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    Z1 = np.dot(params["W1"], X) + params["b1"]
    A1 = logistic(Z1)
    Z2 = np.dot(params["W2"], A1) + params["b2"]
    A2 = logistic(Z2)
    return A2, {"X": X, "Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2, "m": X.shape[1]}
