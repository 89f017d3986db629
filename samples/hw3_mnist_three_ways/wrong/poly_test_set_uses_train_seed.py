# replaces: polynomial_fit_errors
# expect-fail: test_polynomial_fit_errors
# why: draws the test set with the training seed instead of the fixed TEST_SEED
def polynomial_fit_errors(degree, n_train, seed):
    x, y = noisy_function_data(n_train, noise=NOISE, seed=seed)
    xt, yt = noisy_function_data(TEST_SIZE, noise=NOISE, seed=seed)
    p = np.polynomial.Polynomial.fit(x, y, degree)
    return float(np.mean((y - p(x)) ** 2)), float(np.mean((yt - p(xt)) ** 2))
