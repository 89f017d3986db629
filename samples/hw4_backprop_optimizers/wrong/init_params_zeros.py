# replaces: init_params
# expect-fail: test_init_params
# why: all-zero weights: every hidden unit computes the same thing and stays identical
def init_params(n_x, n_h, n_y, seed):
    return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}
