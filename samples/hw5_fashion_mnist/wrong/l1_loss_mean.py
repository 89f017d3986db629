# replaces: l1_loss
# expect-fail: test_l1_loss
# why: the mean absolute error instead of the sum the statement asks for
def l1_loss(X, y, w):
    return float(np.mean(np.abs(y - X @ w)))
