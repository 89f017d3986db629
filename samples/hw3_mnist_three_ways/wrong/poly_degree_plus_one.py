# replaces: polynomial_fit_errors
# expect-fail: test_polynomial_fit_errors
# why: counts coefficients as the degree, so it fits a polynomial one degree too high
def polynomial_fit_errors(degree, n_train, seed):
    x, y = noisy_function_data(n_train, noise=NOISE, seed=seed)
    xt, yt = noisy_function_data(TEST_SIZE, noise=NOISE, seed=TEST_SEED)
    c = np.polyfit(x, y, degree + 1)
    train = np.mean((y - np.polyval(c, x)) ** 2)
    return float(train), float(np.mean((yt - np.polyval(c, xt)) ** 2))
