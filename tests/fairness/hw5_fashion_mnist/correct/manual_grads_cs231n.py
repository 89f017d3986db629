# replaces: manual_gradients
# why: CS231n's two-layer net: probs from exp of the shifted scores, the loss via
# log(probs[range(n), y]) (log(0) = -inf for logits in the thousands: a divide-by-zero
# in a loss that is not returned), dscores = probs; dscores[range(n), y] -= 1; dscores /= n
def manual_gradients(params, X, y):
    W1, b1 = params["W1"], params["b1"]
    W2, b2 = params["W2"], params["b2"]
    N = X.shape[0]

    # forward pass
    hidden_layer = np.maximum(0, np.dot(X, W1) + b1)
    scores = np.dot(hidden_layer, W2) + b2
    shifted_scores = scores - np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(shifted_scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    correct_logprobs = -np.log(probs[range(N), y])
    loss = np.sum(correct_logprobs) / N  # noqa: F841  (as in the assignment, unused here)

    # backward pass
    grads = {}
    dscores = probs
    dscores[range(N), y] -= 1
    dscores /= N
    grads["W2"] = np.dot(hidden_layer.T, dscores)
    grads["b2"] = np.sum(dscores, axis=0)
    dhidden = np.dot(dscores, W2.T)
    dhidden[hidden_layer <= 0] = 0
    grads["W1"] = np.dot(X.T, dhidden)
    grads["b1"] = np.sum(dhidden, axis=0)
    return grads
