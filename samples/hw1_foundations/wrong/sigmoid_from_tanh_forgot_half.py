# replaces: sigmoid_from_tanh
# expect-fail: test_sigmoid_from_tanh
# why: (1 + tanh(x)) / 2: forgets to halve the argument (that is sigmoid(2x))
def sigmoid_from_tanh(x):
    return (1 + np.tanh(x)) / 2
