# replaces: sigmoid_from_tanh
# why: sigma(x) = 1 - sigma(-x) = 1 - (1 - tanh(x/2)) / 2, built from np.tanh only
def sigmoid_from_tanh(x):
    t = np.tanh(np.multiply(x, 0.5))
    return 1.0 - (1.0 - t) / 2.0
