# replaces: gradient_descent_update
# expect-fail: test_gradient_descent_update
# why: updates the array in place but returns None, so the caller's assignment loses it
def gradient_descent_update(param, grad, lr):
    param -= lr * grad
