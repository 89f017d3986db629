# replaces: error_vs_training_size
# expect-fail: test_error_vs_training_size
# why: draws each training set with seed=n instead of the stated seed 0
def error_vs_training_size(sizes, degree):
    errors = [polynomial_fit_errors(degree, n, n) for n in sizes]
    return {"train": [e[0] for e in errors], "test": [e[1] for e in errors]}
