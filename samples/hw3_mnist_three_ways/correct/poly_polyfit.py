# replaces: polynomial_fit_errors
# why: np.polyfit and np.polyval, returning NumPy scalars rather than floats
def polynomial_fit_errors(degree, n_train, seed):
    x_train, y_train = noisy_function_data(n_train, noise=NOISE, seed=seed)
    x_test, y_test = noisy_function_data(TEST_SIZE, noise=NOISE, seed=TEST_SEED)
    coef = np.polyfit(x_train, y_train, degree)
    return (np.mean((np.polyval(coef, x_train) - y_train) ** 2),
            np.mean((np.polyval(coef, x_test) - y_test) ** 2))
