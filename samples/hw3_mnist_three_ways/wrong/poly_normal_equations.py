# replaces: polynomial_fit_errors
# expect-fail: test_polynomial_fit_errors
# why: solves the normal equations with raw powers of x; at degree 9 they lose too many digits
def polynomial_fit_errors(degree, n_train, seed):
    x, y = noisy_function_data(n_train, noise=NOISE, seed=seed)
    xt, yt = noisy_function_data(TEST_SIZE, noise=NOISE, seed=TEST_SEED)
    V = np.vander(x, degree + 1)
    c = np.linalg.solve(V.T @ V, V.T @ y)
    test = np.mean((yt - np.vander(xt, degree + 1) @ c) ** 2)
    return float(np.mean((y - V @ c) ** 2)), float(test)
