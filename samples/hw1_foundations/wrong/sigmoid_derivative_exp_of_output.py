# replaces: sigmoid_derivative_from_output
# expect-fail: test_sigmoid_derivative_from_output
# why: uses the formula e^-x / (1 + e^-x)^2 with the output o in place of x
def sigmoid_derivative_from_output(o):
    o = np.asarray(o, dtype=float)
    return np.exp(-o) / (1 + np.exp(-o)) ** 2
