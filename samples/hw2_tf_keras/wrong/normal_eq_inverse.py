# replaces: normal_equation_weights
# expect-fail: test_normal_equation_weights
# why: the textbook formula with an explicit inverse, np.linalg.inv(X^T X)
def normal_equation_weights(X, y):
    return np.linalg.inv(X.T @ X) @ X.T @ y
