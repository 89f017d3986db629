# replaces: init_params
# expect-fail: test_init_params
# why: row-convention shapes (n_x, n_h) and (n_h, n_y), and biases as rows
def init_params(n_x, n_h, n_y, seed):
    rng = np.random.default_rng(seed)
    return {"W1": rng.normal(size=(n_x, n_h)) * 0.01, "b1": np.zeros((1, n_h)),
            "W2": rng.normal(size=(n_h, n_y)) * 0.01, "b2": np.zeros((1, n_y))}
