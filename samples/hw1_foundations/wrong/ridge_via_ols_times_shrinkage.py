# replaces: ridge_weights_svd
# expect-fail: test_ridge_weights_svd
# why: shrinks the least-squares coordinates u_j^T t / s_j: divides by a zero s_j (rank deficient)
def ridge_weights_svd(X, t, lam):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    ols_coords = (U.T @ t) / s
    return Vt.T @ (s**2 / (s**2 + lam) * ols_coords)
