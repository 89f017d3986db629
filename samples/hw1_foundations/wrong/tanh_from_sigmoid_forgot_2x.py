# replaces: tanh_from_sigmoid
# expect-fail: test_tanh_from_sigmoid
# why: 2 sigmoid(x) - 1: forgets to double the argument (that is tanh(x/2))
def tanh_from_sigmoid(x):
    return 2 * sigmoid(x) - 1
