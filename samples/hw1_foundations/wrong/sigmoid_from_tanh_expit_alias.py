# replaces: sigmoid_from_tanh
# expect-fail: test_sigmoid_from_tanh
# why: imports expit by name at the top of the cell and returns expit(x), never using np.tanh
from scipy.special import expit


def sigmoid_from_tanh(x):
    return expit(x)
