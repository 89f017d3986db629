# replaces: gradient_descent_update
# why: updates arrays in place (and returns them); plain numbers get a new value
def gradient_descent_update(param, grad, lr):
    if isinstance(param, np.ndarray):
        param -= lr * np.asarray(grad)
        return param
    return param - lr * grad
