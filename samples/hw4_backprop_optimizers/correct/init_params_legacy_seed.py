# replaces: init_params
# why: the legacy global generator, seeded on every call, and the classic 0.01 scale
def init_params(n_x, n_h, n_y, seed):
    np.random.seed(seed)
    W1 = np.random.randn(n_h, n_x) * 0.01
    W2 = np.random.randn(n_y, n_h) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}
