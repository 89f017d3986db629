# replaces: relu_affine_gradient
# expect-fail: test_relu_affine_gradient test_relu_affine_gradient_boundary
# why: confuses the variable and the coefficient: d(xw)/dw taken as w
def relu_affine_gradient(b, w, x):
    z = b + np.asarray(x) * w
    active = (z >= 0).astype(float)
    return active, active * w
