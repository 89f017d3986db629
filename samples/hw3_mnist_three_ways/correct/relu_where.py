# replaces: relu_affine_gradient
# why: np.where on the branch condition, with the inputs broadcast to one shape first
def relu_affine_gradient(b, w, x):
    b, w, x = np.broadcast_arrays(np.asarray(b, float), np.asarray(w, float), np.asarray(x, float))
    on = b + x * w >= 0
    return np.where(on, 1.0, 0.0), np.where(on, x, 0.0)
