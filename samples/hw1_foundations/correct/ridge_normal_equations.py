# replaces: ridge_weights_svd
# why: solves the regularised normal equations (X^T X + lam I) w = X^T t directly
def ridge_weights_svd(X, t, lam):
    d = X.shape[1]
    return np.linalg.solve(X.T @ X + lam * np.eye(d), X.T @ t)
