# replaces: sigmoid_derivative_from_output
# expect-fail: test_sigmoid_derivative_from_output
# why: treats o as the input x: sigmoid(o) * (1 - sigmoid(o)) differentiates at the wrong point
def sigmoid_derivative_from_output(o):
    return sigmoid(o) * (1 - sigmoid(o))
