# replaces: supported_degree
# expect-fail: test_supported_degree test_supported_degree_ties
# why: returns the position of the degree in the list, which is the degree itself only when
# the degrees are 0, 1, 2, ... in order (as in the public examples)
def supported_degree(degrees, test_mse, rtol=0.1):
    errors = np.asarray(test_mse, dtype=float)
    within = np.flatnonzero(errors <= (1 + rtol) * errors.min())
    return int(within[-1])
