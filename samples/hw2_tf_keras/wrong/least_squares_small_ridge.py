# replaces: least_squares_weights
# expect-fail: test_least_squares_weights
# why: adds 1e-3 to the diagonal to make X^T X invertible, which shrinks every weight
def least_squares_weights(X, y):
    return np.linalg.solve(X.T @ X + 1e-3 * np.eye(X.shape[1]), X.T @ y)
