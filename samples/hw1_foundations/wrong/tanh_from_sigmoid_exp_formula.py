# replaces: tanh_from_sigmoid
# expect-fail: test_tanh_from_sigmoid
# why: writes tanh from exponentials, (1 - e^-2x) / (1 + e^-2x), never using sigmoid
def tanh_from_sigmoid(x):
    e = np.exp(-2 * np.asarray(x, dtype=float))
    return (1 - e) / (1 + e)
