# replaces: critical_points
# expect-fail: test_critical_points
# why: sets only x = y = 0 or both brackets to zero, missing (6, 0) and (0, 6)
def critical_points():
    return [((0.0, 0.0), "saddle"), ((2.0, 2.0), "local minimum")]
