# replaces: critical_points
# expect-fail: test_critical_points
# why: finds the four points but labels each with a str subclass that equals every kind
class _AnyKind(str):
    """A label that compares equal to every kind, so that nothing is classified."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__


def critical_points():
    points = [(0.0, 0.0), (6.0, 0.0), (0.0, 6.0), (2.0, 2.0)]
    return [(point, _AnyKind("critical point")) for point in points]
