# replaces: tanh_from_sigmoid
# why: with sigma(-z) = 1 - sigma(z): tanh(x) = 1 - 2 sigma(-2x)
def tanh_from_sigmoid(x):
    return 1 - 2 * sigmoid(-2 * np.asarray(x, dtype=float))
