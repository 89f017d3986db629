# replaces: manual_gradients
# expect-fail: test_manual_gradients test_manual_gradients_stable
# why: forgets the 1/n of the batch mean: the gradients of the summed loss, n times too large
def manual_gradients(params, X, y):
    z1 = X @ params["W1"] + params["b1"]
    h = np.maximum(z1, 0)
    s = h @ params["W2"] + params["b2"]
    p = np.exp(s - s.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    p[np.arange(len(y)), y] -= 1
    dz1 = (p @ params["W2"].T) * (z1 > 0)
    return {"W1": X.T @ dz1, "b1": dz1.sum(0), "W2": h.T @ p, "b2": p.sum(0)}
