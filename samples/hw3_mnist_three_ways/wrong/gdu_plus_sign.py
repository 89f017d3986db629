# replaces: gradient_descent_update
# expect-fail: test_gradient_descent_update
# why: steps up the gradient (gradient ascent)
def gradient_descent_update(param, grad, lr):
    return param + lr * grad
