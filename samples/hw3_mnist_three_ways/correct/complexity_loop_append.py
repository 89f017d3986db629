# replaces: error_vs_complexity
# why: a plain loop with append and tuple unpacking
def error_vs_complexity(degrees, n_train):
    train, test = [], []
    for degree in degrees:
        tr, te = polynomial_fit_errors(degree, n_train, 0)
        train.append(tr)
        test.append(te)
    return {"test": test, "train": train}
