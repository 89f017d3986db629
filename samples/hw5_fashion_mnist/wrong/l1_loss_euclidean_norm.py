# replaces: l1_loss
# expect-fail: test_l1_loss
# why: np.linalg.norm without ord=1 is the Euclidean norm of the residual
def l1_loss(X, y, w):
    return float(np.linalg.norm(y - X @ w))
