# replaces: polynomial_fit_errors
# expect-fail: test_polynomial_fit_errors
# why: returns root mean squared errors instead of mean squared errors
def polynomial_fit_errors(degree, n_train, seed):
    x, y = noisy_function_data(n_train, noise=NOISE, seed=seed)
    xt, yt = noisy_function_data(TEST_SIZE, noise=NOISE, seed=TEST_SEED)
    p = np.polynomial.Polynomial.fit(x, y, degree)
    return float(np.sqrt(np.mean((y - p(x)) ** 2))), float(np.sqrt(np.mean((yt - p(xt)) ** 2)))
