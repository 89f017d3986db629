# replaces: error_vs_training_size
# expect-fail: test_error_vs_training_size
# why: unpacks the pair in the wrong order, so the train and test curves are swapped
def error_vs_training_size(sizes, degree):
    out = {"train": [], "test": []}
    for n in sizes:
        test, train = polynomial_fit_errors(degree, n, 0)
        out["train"].append(train)
        out["test"].append(test)
    return out
