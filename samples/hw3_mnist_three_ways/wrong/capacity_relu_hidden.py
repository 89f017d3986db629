# replaces: capacity_network
# expect-fail: test_capacity_network
# why: the squares trick with ReLU units: relu(x1 + x2) - relu(x1 - x2) is not 4 x1 x2
def capacity_network(beta0, beta1):
    return {"g": lambda z: np.maximum(z, 0), "o": lambda z: 1 / (1 + np.exp(-z)),
            "W1": np.array([[1.0, 1.0], [1.0, -1.0]]), "b1": np.zeros(2),
            "w2": np.array([beta1 / 4, -beta1 / 4]), "b2": beta0}
