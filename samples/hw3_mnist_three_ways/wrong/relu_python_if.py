# replaces: relu_affine_gradient
# expect-fail: test_relu_affine_gradient test_relu_affine_gradient_boundary
# why: an if statement on b + x w only works for a single input, not for arrays
def relu_affine_gradient(b, w, x):
    if b + x * w >= 0:
        return 1.0, x
    return 0.0, 0.0
