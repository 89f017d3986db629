# replaces: apply_standardizer
# expect-fail: test_apply_standardizer
# why: ignores the given statistics and standardises the test data with its own
# in-sample: yes
def apply_standardizer(X, mean, std):
    own_std = X.std(axis=0)
    return (X - X.mean(axis=0)) / np.where(own_std > 0, own_std, 1.0)
