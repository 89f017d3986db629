# replaces: best_constant_mse
# why: least squares with a single column of ones (a model that only has a bias)
def best_constant_mse(y):
    y = np.asarray(y, dtype=float)
    ones = np.ones((y.size, 1))
    return float(np.linalg.lstsq(ones, y, rcond=None)[0][0])
