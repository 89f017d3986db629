# replaces: critical_points
# expect-fail: test_critical_points
# why: copies the published solution: (3/2, 3) does not make the gradient vanish
# in-sample: yes
def critical_points():
    return [((0, 0), "saddle"), ((6, 0), "saddle"), ((0, 6), "saddle"),
            ((1.5, 3.0), "local minimum")]
