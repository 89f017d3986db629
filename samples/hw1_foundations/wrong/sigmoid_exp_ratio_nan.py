# replaces: sigmoid
# expect-fail: test_sigmoid
# why: e^x / (1 + e^x) gives inf / inf = NaN (and an overflow warning) for large positive inputs
def sigmoid(x):
    e = np.exp(x)
    return e / (1 + e)
