# replaces: error_vs_complexity
# expect-fail: test_error_vs_complexity
# why: uses a new training set for every degree (seed=degree), so the curve mixes data sets
def error_vs_complexity(degrees, n_train):
    errors = [polynomial_fit_errors(d, n_train, d) for d in degrees]
    return {"train": [e[0] for e in errors], "test": [e[1] for e in errors]}
