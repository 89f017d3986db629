# replaces: relu_affine_gradient
# expect-fail: test_relu_affine_gradient_boundary
# why: uses b + x w > 0, PyTorch's convention, instead of the statement's >= 0 branch at the kink
def relu_affine_gradient(b, w, x):
    active = (b + np.asarray(x) * w > 0).astype(float)
    return active, active * x
