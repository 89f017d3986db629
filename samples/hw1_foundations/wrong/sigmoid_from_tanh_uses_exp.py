# replaces: sigmoid_from_tanh
# expect-fail: test_sigmoid_from_tanh
# why: computes the sigmoid with np.exp instead of from np.tanh
def sigmoid_from_tanh(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))
