# replaces: sigmoid_derivative_from_output
# why: the product expanded as o - o^2
def sigmoid_derivative_from_output(o):
    o = np.array(o, dtype=np.float64)
    return o - o * o
