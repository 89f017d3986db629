# replaces: relu_affine_gradient
# expect-fail: test_relu_affine_gradient test_relu_affine_gradient_boundary
# why: uses the ReLU output max(0, z) as its derivative
def relu_affine_gradient(b, w, x):
    out = np.maximum(0.0, b + np.asarray(x) * w)
    return out, out * x
