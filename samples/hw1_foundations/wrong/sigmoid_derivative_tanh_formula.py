# replaces: sigmoid_derivative_from_output
# expect-fail: test_sigmoid_derivative_from_output
# why: mixes up the sigmoid with tanh, whose derivative from the output is 1 - o^2
def sigmoid_derivative_from_output(o):
    o = np.asarray(o, dtype=float)
    return 1 - o**2
