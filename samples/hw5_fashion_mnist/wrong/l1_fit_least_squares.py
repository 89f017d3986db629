# replaces: fit_l1_regression
# expect-fail: test_fit_l1_regression
# why: returns the ordinary least-squares fit, which the outliers pull away from the L1 optimum
# in-sample: yes
def fit_l1_regression(X, y):
    return np.linalg.lstsq(X, y, rcond=None)[0]
