# replaces: tanh_from_sigmoid
# expect-fail: test_tanh_from_sigmoid
# why: inverts the other identity the wrong way round: 2 sigmoid(x/2) - 1
def tanh_from_sigmoid(x):
    return 2 * sigmoid(np.asarray(x, dtype=float) / 2) - 1
