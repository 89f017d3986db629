# replaces: manual_gradients
# expect-fail: test_manual_gradients_stable
# why: the gradients come from the shifted softmax and are right, but the loss it computes
# along the way exponentiates the raw logits (overflow, then inf / inf), which the statement
# forbids; the overflow happens in the student's kernel, so only a check made there sees it
def manual_gradients(params, X, y):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    n = X.shape[0]
    hidden = np.maximum(0, X @ W1 + b1)
    scores = hidden @ W2 + b2
    raw = np.exp(scores)
    loss = -np.mean(np.log(raw[np.arange(n), y] / raw.sum(axis=1)))  # noqa: F841
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs = shifted / shifted.sum(axis=1, keepdims=True)
    dscores = probs.copy()
    dscores[np.arange(n), y] -= 1
    dscores /= n
    dhidden = dscores @ W2.T
    dhidden[hidden <= 0] = 0
    return {"W1": X.T @ dhidden, "b1": dhidden.sum(axis=0),
            "W2": hidden.T @ dscores, "b2": dscores.sum(axis=0)}
