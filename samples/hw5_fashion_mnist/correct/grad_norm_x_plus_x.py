# replaces: grad_squared_norm
# why: x + x is 2x, whatever the shape
def grad_squared_norm(x):
    x = np.asarray(x, dtype=float)
    return x + x
