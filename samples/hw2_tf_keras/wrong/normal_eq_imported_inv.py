# replaces: normal_equation_weights
# expect-fail: test_normal_equation_weights
# why: inverts with SciPy's inv imported under its own name
from scipy.linalg import inv


def normal_equation_weights(X, y):
    return inv(X.T @ X) @ (X.T @ y)
