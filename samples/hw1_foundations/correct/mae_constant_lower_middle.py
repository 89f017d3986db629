# replaces: best_constant_mae
# why: the lower middle value sorted(y)[(n - 1) // 2], the other end of the interval of minimisers
def best_constant_mae(y):
    return float(sorted(y)[(len(y) - 1) // 2])
