# replaces: critical_points
# expect-fail: test_critical_points
# why: finds the four points but reads det H > 0 as a maximum without checking the sign of f_xx
def critical_points():
    result = []
    for x, y in [(0.0, 0.0), (6.0, 0.0), (0.0, 6.0), (2.0, 2.0)]:
        det = np.linalg.det(hessian(x, y))
        result.append(((x, y), "saddle" if det < 0 else "local maximum"))
    return result
