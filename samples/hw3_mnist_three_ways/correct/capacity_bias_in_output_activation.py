# replaces: capacity_network
# why: moves beta0 into the output activation and halves both layers differently
def capacity_network(beta0, beta1):
    def output(z):
        return 0.5 * (1 + np.tanh((beta0 + z) / 2))

    return {"g": lambda z: 0.5 * z * z, "o": output,
            "W1": np.array([[-1.0, -1.0], [1.0, -1.0]]), "b1": np.array([0.0, 0.0]),
            "w2": np.array([beta1 / 2, -beta1 / 2]), "b2": 0.0}
