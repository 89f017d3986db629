# replaces: normal_equation_weights
# why: SciPy's solver told that X^T X is symmetric positive definite (a Cholesky solve)
def normal_equation_weights(X, y):
    gram = X.T @ X
    return scipy.linalg.solve(gram, X.T @ y, assume_a="pos")
