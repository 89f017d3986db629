# replaces: sigmoid_from_tanh
# why: from tanh(x/2) = (1 - e^-x) / (1 + e^-x): e^-x = (1 - t) / (1 + t) and
# sigma = 1 / (1 + e^-x), written out in those steps with t = np.tanh(x / 2) (exact algebra
# for any t != -1, so only np.tanh is used)
def sigmoid_from_tanh(x):
    t = np.tanh(np.asarray(x, dtype=float) / 2)
    with np.errstate(divide="ignore"):
        exp_minus_x = (1 - t) / (1 + t)
    return 1 / (1 + exp_minus_x)
