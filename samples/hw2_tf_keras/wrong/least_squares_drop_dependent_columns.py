# replaces: least_squares_weights
# expect-fail: test_least_squares_weights
# why: drops dependent columns and gives them weight 0: a minimiser, but not the minimum-norm one
def least_squares_weights(X, y):
    keep = []
    for j in range(X.shape[1]):
        if np.linalg.matrix_rank(X[:, keep + [j]]) == len(keep) + 1:
            keep.append(j)
    w = np.zeros(X.shape[1])
    w[keep] = np.linalg.lstsq(X[:, keep], y, rcond=None)[0]
    return w
