# replaces: best_constant_mae
# expect-fail: test_best_constant_mae
# why: takes the middle element y[n // 2] without sorting the targets first
# in-sample: yes
def best_constant_mae(y):
    return float(y[len(y) // 2])
