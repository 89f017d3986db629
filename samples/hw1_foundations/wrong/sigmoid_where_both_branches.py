# replaces: sigmoid
# expect-fail: test_sigmoid
# why: np.where picks the stable branch but still evaluates both, so exp overflows and warns anyway
def sigmoid(x):
    x = np.asarray(x, dtype=float)
    return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))
