# replaces: capacity_network
# expect-fail: test_capacity_network
# why: linear hidden units can only pass on x1 + x2, never the product x1 x2
def capacity_network(beta0, beta1):
    return {"g": lambda z: z, "o": lambda z: 1 / (1 + np.exp(-z)),
            "W1": np.eye(2), "b1": np.zeros(2),
            "w2": np.array([beta1, beta1]), "b2": beta0}
