# replaces: capacity_network
# why: puts sqrt(|beta1|)/2 into W1 and only the sign of beta1 into w2
def capacity_network(beta0, beta1):
    scale = np.sqrt(abs(beta1)) / 2
    sign = 1.0 if beta1 >= 0 else -1.0
    return {"g": lambda z: z**2, "o": lambda z: 0.5 * (1 + np.tanh(z / 2)),
            "W1": scale * np.array([[1.0, 1.0], [1.0, -1.0]]), "b1": [0.0, 0.0],
            "w2": [sign, -sign], "b2": beta0}
