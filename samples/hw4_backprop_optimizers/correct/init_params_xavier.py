# replaces: init_params
# why: Xavier/Glorot-style scaling 1 / sqrt(fan_in) with rng.standard_normal
def init_params(n_x, n_h, n_y, seed):
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.standard_normal((n_h, n_x)) / np.sqrt(n_x),
        "b1": np.zeros((n_h, 1)),
        "W2": rng.standard_normal((n_y, n_h)) / np.sqrt(n_h),
        "b2": np.zeros((n_y, 1)),
    }
