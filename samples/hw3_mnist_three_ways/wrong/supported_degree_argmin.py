# replaces: supported_degree
# expect-fail: test_supported_degree test_supported_degree_ties
# why: returns the degree with the lowest test error, ignoring the tolerance, and on a tie
# np.argmin picks the first (simplest) of the tied degrees
def supported_degree(degrees, test_mse, rtol=0.1):
    return int(np.asarray(degrees)[np.argmin(test_mse)])
