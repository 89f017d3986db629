# replaces: apply_standardizer
# expect-fail: test_apply_standardizer
# why: applies the inverse transformation X * std + mean
def apply_standardizer(X, mean, std):
    return X * std + mean
