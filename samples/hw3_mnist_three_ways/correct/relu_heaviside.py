# replaces: relu_affine_gradient
# why: np.heaviside(z, 1.0) is the step function with value 1 at exactly 0
def relu_affine_gradient(b, w, x):
    x = np.asarray(x, dtype=float)
    step = np.heaviside(b + x * w, 1.0)
    return step, step * x
