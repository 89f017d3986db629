# replaces: sigmoid_from_tanh
# expect-fail: test_sigmoid_from_tanh
# why: the textbook formula with math.e ** -x (also a route around np.tanh), clipped so that
# it does not overflow
import math


def sigmoid_from_tanh(x):
    x = np.clip(np.asarray(x, dtype=float), -700, 700)
    return 1 / (1 + math.e ** -x)
