# replaces: supported_degree
# why: compares the ratio to the best error with 1 + rtol (rounding differs from the product)
def supported_degree(degrees, test_mse, rtol=0.1):
    errors = np.asarray(test_mse, dtype=np.float64)
    ratio = errors / np.min(errors)
    return np.max(np.asarray(degrees)[ratio <= 1 + rtol])
