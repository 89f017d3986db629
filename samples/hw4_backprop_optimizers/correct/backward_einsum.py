# replaces: backward_propagation
# why: per-example outer products summed with einsum, divided by m at the end
def backward_propagation(params, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    delta2 = A2 - Y
    delta1 = np.einsum("ji,jk->ik", params["W2"], delta2) * A1 * (1 - A1)
    grads = {
        "dW2": np.einsum("ik,jk->ij", delta2, A1),
        "db2": delta2.sum(axis=1)[:, None],
        "dW1": np.einsum("ik,jk->ij", delta1, X),
        "db1": delta1.sum(axis=1)[:, None],
    }
    return {key: value / m for key, value in grads.items()}
