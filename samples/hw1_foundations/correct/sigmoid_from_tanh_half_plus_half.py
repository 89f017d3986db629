# replaces: sigmoid_from_tanh
# why: the identity written as 1/2 + tanh(x/2)/2, without converting the input
def sigmoid_from_tanh(x):
    return 0.5 + 0.5 * np.tanh(x / 2)
