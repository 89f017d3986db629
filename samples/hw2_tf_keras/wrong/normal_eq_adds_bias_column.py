# replaces: normal_equation_weights
# expect-fail: test_normal_equation_weights
# why: prepends a column of ones for a bias the model does not have, returning d + 1 weights
def normal_equation_weights(X, y):
    A = np.column_stack([np.ones(len(X)), X])
    return np.linalg.solve(A.T @ A, A.T @ y)
