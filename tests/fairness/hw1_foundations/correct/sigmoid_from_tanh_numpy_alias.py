# replaces: sigmoid_from_tanh
# why: NumPy imported again under its full name, numpy.tanh(x * 0.5) / 2 + 1 / 2
import numpy


def sigmoid_from_tanh(x):
    return numpy.tanh(x * 0.5) / 2 + 1 / 2
