# replaces: init_params
# expect-fail: test_init_params
# why: ignores seed: a fresh unseeded generator gives other weights on every call
def init_params(n_x, n_h, n_y, seed):
    rng = np.random.default_rng()
    return {"W1": rng.normal(size=(n_h, n_x)) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": rng.normal(size=(n_y, n_h)) * 0.01, "b2": np.zeros((n_y, 1))}
