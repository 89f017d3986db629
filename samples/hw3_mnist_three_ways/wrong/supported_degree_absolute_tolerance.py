# replaces: supported_degree
# expect-fail: test_supported_degree
# why: adds rtol to the lowest error (an absolute tolerance) instead of multiplying by 1 + rtol
def supported_degree(degrees, test_mse, rtol=0.1):
    best = min(test_mse)
    return max(d for d, e in zip(degrees, test_mse) if e <= best + rtol)
