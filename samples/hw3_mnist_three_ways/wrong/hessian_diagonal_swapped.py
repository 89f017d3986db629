# replaces: hessian
# expect-fail: test_hessian
# why: puts d2f/dy2 = 2x where d2f/dx2 = 2y belongs (the two pure second derivatives swapped)
def hessian(x, y):
    mixed = 2.0 * x + 2.0 * y - 6.0
    return np.array([[2.0 * x, mixed], [mixed, 2.0 * y]])
