# replaces: sigmoid
# expect-fail: test_sigmoid
# why: the textbook formula: np.exp(1000) overflows to inf and NumPy warns for large negative inputs
# in-sample: yes
def sigmoid(x):
    return 1 / (1 + np.exp(-x))
