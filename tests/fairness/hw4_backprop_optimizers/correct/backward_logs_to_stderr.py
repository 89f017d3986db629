# replaces: backward_propagation
# why: correct gradients, with a library-style log line (logging's warning goes to stderr)
import logging

log = logging.getLogger("backprop")


def backward_propagation(params, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dZ1 = np.dot(params["W2"].T, dZ2) * A1 * (1 - A1)
    grads = {"dW2": np.dot(dZ2, A1.T) / m, "db2": np.mean(dZ2, axis=1, keepdims=True),
             "dW1": np.dot(dZ1, X.T) / m, "db1": np.mean(dZ1, axis=1, keepdims=True)}
    log.warning("batch of %d examples, |dW1| = %.3g", m, np.linalg.norm(grads["dW1"]))
    return grads
