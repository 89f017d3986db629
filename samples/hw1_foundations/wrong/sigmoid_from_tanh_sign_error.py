# replaces: sigmoid_from_tanh
# expect-fail: test_sigmoid_from_tanh
# why: sign slip in the identity: (1 - tanh(x/2)) / 2 is sigmoid(-x)
def sigmoid_from_tanh(x):
    return 0.5 * (1 - np.tanh(np.asarray(x, dtype=float) / 2))
