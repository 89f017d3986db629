# replaces: sigmoid_from_tanh
# why: `from numpy import tanh` at the top of the cell and tanh(x / 2) inside the function
from numpy import tanh


def sigmoid_from_tanh(x):
    return (1 + tanh(np.asarray(x) / 2)) / 2
