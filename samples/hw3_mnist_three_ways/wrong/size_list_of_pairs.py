# replaces: error_vs_training_size
# expect-fail: test_error_vs_training_size
# why: returns the list of (train, test) pairs instead of the stated dict
def error_vs_training_size(sizes, degree):
    return [polynomial_fit_errors(degree, n, 0) for n in sizes]
