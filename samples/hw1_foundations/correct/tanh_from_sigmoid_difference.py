# replaces: tanh_from_sigmoid
# why: tanh(x) = sigma(2x) - sigma(-2x), symmetric in x
def tanh_from_sigmoid(x):
    z = 2.0 * np.asarray(x, dtype=float)
    return sigmoid(z) - sigmoid(-z)
