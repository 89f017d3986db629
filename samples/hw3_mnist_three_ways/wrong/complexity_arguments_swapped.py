# replaces: error_vs_complexity
# expect-fail: test_error_vs_complexity
# why: passes n_train and degree in the wrong order to polynomial_fit_errors
def error_vs_complexity(degrees, n_train):
    errors = [polynomial_fit_errors(n_train, d, 0) for d in degrees]
    return {"train": [e[0] for e in errors], "test": [e[1] for e in errors]}
