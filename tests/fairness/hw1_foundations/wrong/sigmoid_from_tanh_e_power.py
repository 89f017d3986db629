# replaces: sigmoid_from_tanh
# expect-fail: test_sigmoid_from_tanh
# why: a correct, stable sigmoid built from np.e ** (-|x|): the values are right, but it never
# uses np.tanh, which the exercise asks for (no exp function is called, so only the meaning of
# the rule can catch it)
def sigmoid_from_tanh(x):
    x = np.asarray(x, dtype=float)
    z = np.e ** (-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))
