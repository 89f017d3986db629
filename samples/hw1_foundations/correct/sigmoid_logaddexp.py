# replaces: sigmoid
# why: sigma(x) = exp(-log(1 + e^-x)), with np.logaddexp(0, -x) computing the log stably
def sigmoid(x):
    return np.exp(-np.logaddexp(0.0, -np.asarray(x, dtype=float)))
