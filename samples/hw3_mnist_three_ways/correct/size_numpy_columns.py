# replaces: error_vs_training_size
# why: collects the pairs in an array and returns its columns (NumPy arrays, not lists)
def error_vs_training_size(sizes, degree):
    table = np.array([polynomial_fit_errors(degree, int(n), seed=0) for n in sizes])
    return {"train": table[:, 0], "test": table[:, 1]}
