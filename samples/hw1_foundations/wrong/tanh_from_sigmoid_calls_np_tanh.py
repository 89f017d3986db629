# replaces: tanh_from_sigmoid
# expect-fail: test_tanh_from_sigmoid
# why: ignores the constraint and calls np.tanh directly
def tanh_from_sigmoid(x):
    return np.tanh(x)
