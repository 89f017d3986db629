# replaces: least_squares_weights
# why: the pseudo-inverse written as in many machine-learning tutorials,
# pinv(X^T X) X^T y, which equals X^+ y
def least_squares_weights(X, y):
    X = np.asarray(X, dtype=float)
    return np.linalg.pinv(X.T @ X) @ X.T @ np.asarray(y, dtype=float)
