# replaces: train_manual
# why: copies the arrays with a dict comprehension, the loss from a shifted log-softmax
# computed inline, a new params dict after every step, and no progress bar
def train_manual(params, X, y, batches, lr):
    params = {k: v.copy() for k, v in params.items()}
    losses = []
    for idx in batches:
        s = np.maximum(X[idx] @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"]
        s = s - s.max(axis=1, keepdims=True)
        log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        losses.append(float(-log_p[np.arange(len(idx)), y[idx]].mean()))
        grads = manual_gradients(params, X[idx], y[idx])
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses
