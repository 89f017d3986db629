# replaces: best_constant_mse
# why: the mean in plain Python
def best_constant_mse(y):
    return sum(float(v) for v in y) / len(y)
