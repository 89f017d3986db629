# replaces: backward_propagation
# expect-fail: test_backward_propagation
# why: averages the bias gradients over the wrong axis (over units instead of examples)
def backward_propagation(params, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.mean(dZ2, axis=0, keepdims=True)
    dZ1 = params["W2"].T @ dZ2 * A1 * (1 - A1)
    dW1 = dZ1 @ X.T / m
    db1 = np.mean(dZ1, axis=0, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
