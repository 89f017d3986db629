# replaces: critical_points
# expect-fail: test_critical_points
# why: classifies by the sign of f_xx alone, ignoring the determinant (calls (0, 6) a minimum)
def critical_points():
    result = []
    for x, y in [(0.0, 0.0), (6.0, 0.0), (0.0, 6.0), (2.0, 2.0)]:
        fxx = hessian(x, y)[0, 0]
        kind = "local minimum" if fxx > 0 else ("local maximum" if fxx < 0 else "saddle")
        result.append(((x, y), kind))
    return result
