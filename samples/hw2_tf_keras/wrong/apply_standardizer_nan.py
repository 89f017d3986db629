# replaces: apply_standardizer
# expect-fail: test_apply_standardizer
# why: divides by std as given, so a feature that was constant in training gives NaN
def apply_standardizer(X, mean, std):
    return (X - mean) / std
