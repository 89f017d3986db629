# replaces: best_constant_mae
# why: the upper middle value np.sort(y)[n // 2], a minimiser for odd and even n alike
def best_constant_mae(y):
    return float(np.sort(y)[len(y) // 2])
