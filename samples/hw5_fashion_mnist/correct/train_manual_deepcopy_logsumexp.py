# replaces: train_manual
# why: deep-copies the parameters, updates the copies in place, scipy's logsumexp for the loss
import copy


def train_manual(params, X, y, batches, lr):
    from scipy.special import logsumexp

    params = copy.deepcopy(params)
    losses = []
    for batch in tqdm(batches):
        xb, yb = X[batch], y[batch]
        s = np.maximum(xb @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"]
        losses.append(float(np.mean(logsumexp(s, axis=1) - s[np.arange(len(yb)), yb])))
        grads = manual_gradients(params, xb, yb)
        for name in ("W1", "b1", "W2", "b2"):
            params[name] -= lr * grads[name]
    return params, losses
