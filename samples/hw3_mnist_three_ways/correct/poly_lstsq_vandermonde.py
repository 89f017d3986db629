# replaces: polynomial_fit_errors
# why: np.linalg.lstsq on the raw Vandermonde matrix (well enough conditioned up to degree 9)
def polynomial_fit_errors(degree, n_train, seed):
    x, y = noisy_function_data(n_train, noise=NOISE, seed=seed)
    xt, yt = noisy_function_data(TEST_SIZE, noise=NOISE, seed=TEST_SEED)
    coef, *_ = np.linalg.lstsq(np.vander(x, degree + 1), y, rcond=None)
    train = np.mean((np.vander(x, degree + 1) @ coef - y) ** 2)
    test = np.mean((np.vander(xt, degree + 1) @ coef - yt) ** 2)
    return float(train), float(test)
