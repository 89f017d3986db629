# replaces: supported_degree
# expect-fail: test_supported_degree test_supported_degree_ties
# why: the simplest degree within the tolerance (the one-standard-error habit), not the most
# complex one the statement asks for
def supported_degree(degrees, test_mse, rtol=0.1):
    best = min(test_mse)
    return min(d for d, e in zip(degrees, test_mse) if e <= (1 + rtol) * best)
