# replaces: train_manual
# why: CS231n-style loop with a tqdm bar (`trange`) showing the loss, parameters copied
# with .copy(), the loss computed with scipy's log_softmax
from tqdm.auto import trange


def train_manual(params, X, y, batches, lr):
    from scipy.special import log_softmax

    params = {k: v.copy() for k, v in params.items()}
    loss_history = []
    pbar = trange(len(batches), desc="training")
    for it in pbar:
        idx = batches[it]
        X_batch, y_batch = X[idx], y[idx]
        hidden = np.maximum(0, X_batch.dot(params["W1"]) + params["b1"])
        scores = hidden.dot(params["W2"]) + params["b2"]
        loss = -np.mean(log_softmax(scores, axis=1)[np.arange(len(idx)), y_batch])
        loss_history.append(loss)
        grads = manual_gradients(params, X_batch, y_batch)
        for k in params:
            params[k] = params[k] - lr * grads[k]
        pbar.set_postfix(loss=f"{loss:.3f}")
    return params, loss_history
