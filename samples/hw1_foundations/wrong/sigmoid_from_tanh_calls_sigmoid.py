# replaces: sigmoid_from_tanh
# expect-fail: test_sigmoid_from_tanh
# why: reuses the sigmoid from the previous exercise instead of np.tanh
def sigmoid_from_tanh(x):
    return sigmoid(x)
