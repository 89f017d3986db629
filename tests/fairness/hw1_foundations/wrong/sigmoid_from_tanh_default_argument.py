# replaces: sigmoid_from_tanh
# expect-fail: test_sigmoid_from_tanh
# why: the right formula, but np.tanh is captured as a default argument when the cell runs;
# the statement says a copy taken before the call is not replaced, so the test cannot see
# that tanh is used (the statement asks to look tanh up when the function runs)
def sigmoid_from_tanh(x, tanh=np.tanh):
    return 0.5 * (1 + tanh(x / 2))
