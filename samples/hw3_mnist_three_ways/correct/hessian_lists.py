# replaces: hessian
# why: builds the matrix from nested lists term by term
def hessian(x, y):
    fxx = 2 * y
    fyy = 2 * x
    fxy = 2 * x + 2 * y - 6
    return np.array([[fxx, fxy], [fxy, fyy]], dtype=np.float64)
