# replaces: sigmoid
# expect-fail: test_sigmoid
# why: a stable scalar version with math.exp, which fails on arrays (TypeError)
def sigmoid(x):
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    z = math.exp(x)
    return z / (1 + z)
