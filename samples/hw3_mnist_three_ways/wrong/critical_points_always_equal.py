# replaces: critical_points
# expect-fail: test_critical_points
# why: finds the four points but labels each with a str subclass, made with type(), that
# equals every kind
_AnyKind = type("_AnyKind", (str,), {"__eq__": lambda self, other: True,
                                     "__ne__": lambda self, other: False,
                                     "__hash__": str.__hash__})


def critical_points():
    points = [(0.0, 0.0), (6.0, 0.0), (0.0, 6.0), (2.0, 2.0)]
    return [(point, _AnyKind("critical point")) for point in points]
