# replaces: sigmoid
# why: the identity sigma(x) = (1 + tanh(x/2)) / 2; tanh never overflows
def sigmoid(x):
    return 0.5 * (1 + np.tanh(0.5 * np.asarray(x, dtype=float)))
