# replaces: hessian
# expect-fail: test_hessian
# why: drops the -6 of -6xy in the mixed derivative (2x + 2y instead of 2x + 2y - 6)
def hessian(x, y):
    mixed = 2.0 * x + 2.0 * y
    return np.array([[2.0 * y, mixed], [mixed, 2.0 * x]])
