# replaces: gradient_descent_update
# expect-fail: test_gradient_descent_update
# why: subtracts the raw gradient and forgets the learning rate
def gradient_descent_update(param, grad, lr):
    return param - grad
