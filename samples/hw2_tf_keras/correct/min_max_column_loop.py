# replaces: min_max_normalize
# why: a loop over the columns of a copy
def min_max_normalize(X):
    out = np.array(X, dtype=float, copy=True)
    for j in range(out.shape[1]):
        low, high = out[:, j].min(), out[:, j].max()
        out[:, j] = (out[:, j] - low) / (high - low) if high > low else 0.0
    return out
