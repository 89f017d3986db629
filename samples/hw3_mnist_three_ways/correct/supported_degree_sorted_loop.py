# replaces: supported_degree
# why: walks the degrees from the most complex down and returns the first one within the bound
def supported_degree(degrees, test_mse, rtol=0.1):
    bound = (1 + rtol) * min(test_mse)
    for degree, error in sorted(zip(degrees, test_mse), reverse=True):
        if error <= bound:
            return degree
