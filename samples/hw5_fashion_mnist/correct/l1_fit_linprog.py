# replaces: fit_l1_regression
# why: least absolute deviations as a linear program (variables w and t >= |y - Xw|)
def fit_l1_regression(X, y):
    from scipy.optimize import linprog

    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    result = linprog(
        np.concatenate([np.zeros(d), np.ones(n)]),
        A_ub=np.block([[X, -np.eye(n)], [-X, -np.eye(n)]]),
        b_ub=np.concatenate([y, -y]),
        bounds=[(None, None)] * d + [(0, None)] * n,
        method="highs",
    )
    return result.x[:d]
