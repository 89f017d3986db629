# replaces: best_constant_mae
# why: the loss is piecewise linear with kinks at the data, so it tries every data point
def best_constant_mae(y):
    y = np.asarray(y, dtype=float)
    losses = [np.abs(y - c).sum() for c in y]
    return float(y[int(np.argmin(losses))])
