# replaces: fit_l1_regression
# why: normalised subgradient descent with steps shrinking as 1/sqrt(k), keeping the best w
def fit_l1_regression(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    best_w, best_loss = w.copy(), np.abs(y - X @ w).sum()
    step0 = 0.5 * np.sqrt(len(y)) / np.linalg.norm(X, axis=1).max()
    for k in range(1, 20001):
        g = -X.T @ np.sign(y - X @ w)
        w = w - step0 / np.sqrt(k) * g / max(np.linalg.norm(g), 1e-12)
        loss = np.abs(y - X @ w).sum()
        if loss < best_loss:
            best_w, best_loss = w.copy(), loss
    return best_w
