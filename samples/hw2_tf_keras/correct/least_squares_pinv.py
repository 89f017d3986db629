# replaces: least_squares_weights
# why: the pseudo-inverse, np.linalg.pinv(X) @ y
def least_squares_weights(X, y):
    return np.linalg.pinv(X) @ y
