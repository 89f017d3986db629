# replaces: sigmoid
# why: boolean masks so each branch's exp is only evaluated where it cannot overflow
def sigmoid(x):
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1 / (1 + np.exp(-x[pos]))
    ez = np.exp(x[~pos])
    out[~pos] = ez / (1 + ez)
    return out
