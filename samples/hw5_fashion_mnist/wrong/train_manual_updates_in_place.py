# replaces: train_manual
# expect-fail: test_train_manual
# why: updates the caller's arrays in place (params[k] -= ...), so the initial weights
# are lost and a second training would not start from them
def train_manual(params, X, y, batches, lr):
    losses = []
    for idx in batches:
        s = np.maximum(X[idx] @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"]
        s = s - s.max(axis=1, keepdims=True)
        log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        losses.append(float(-log_p[np.arange(len(idx)), y[idx]].mean()))
        grads = manual_gradients(params, X[idx], y[idx])
        for key in params:
            params[key] -= lr * grads[key]
    return params, losses
