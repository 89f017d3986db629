# replaces: manual_gradients
# expect-fail: test_manual_gradients_stable
# why: CS231n's two-layer net without subtracting the row maximum: exp of logits in the
# thousands overflows and the gradients become NaN
def manual_gradients(params, X, y):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    N = X.shape[0]
    hidden_layer = np.maximum(0, np.dot(X, W1) + b1)
    scores = np.dot(hidden_layer, W2) + b2
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    dscores = probs
    dscores[range(N), y] -= 1
    dscores /= N
    dhidden = np.dot(dscores, W2.T)
    dhidden[hidden_layer <= 0] = 0
    return {"W1": np.dot(X.T, dhidden), "b1": np.sum(dhidden, axis=0),
            "W2": np.dot(hidden_layer.T, dscores), "b2": np.sum(dscores, axis=0)}
