# replaces: least_squares_weights
# expect-fail: test_least_squares_weights
# why: solves the normal equations, which fails when X^T X is singular
def least_squares_weights(X, y):
    return np.linalg.solve(X.T @ X, X.T @ y)
