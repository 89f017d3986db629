# replaces: build_model
# expect-fail: test_build_model
# why: the widths in the other order (784-64-128-256-10), with layers whose sizes equal any size
class _AnySize:
    """A layer size that compares equal to every number."""

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = object.__hash__

    def __repr__(self):
        return repr(self.value)


class _Linear(torch.nn.Linear):
    def __init__(self, in_features, out_features):
        super().__init__(in_features, out_features)
        self.in_features, self.out_features = _AnySize(in_features), _AnySize(out_features)


def build_model():
    return torch.nn.Sequential(
        torch.nn.Flatten(),
        _Linear(784, 64), torch.nn.ReLU(),
        _Linear(64, 128), torch.nn.ReLU(),
        _Linear(128, 256), torch.nn.ReLU(),
        _Linear(256, 10),
    )
