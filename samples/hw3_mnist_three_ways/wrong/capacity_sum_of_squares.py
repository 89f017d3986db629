# replaces: capacity_network
# expect-fail: test_capacity_network
# why: adds the two squares instead of subtracting them, which gives 2 (x1^2 + x2^2)
def capacity_network(beta0, beta1):
    return {"g": np.square, "o": lambda z: 0.5 * (1 + np.tanh(z / 2)),
            "W1": np.array([[1.0, 1.0], [1.0, -1.0]]), "b1": np.zeros(2),
            "w2": np.array([beta1 / 4, beta1 / 4]), "b2": beta0}
