# replaces: sigmoid_derivative_from_output
# why: no conversion at all: plain arithmetic works for floats and arrays alike
def sigmoid_derivative_from_output(o):
    return o * (1 - o)
