# replaces: mlp_parameter_count
# expect-fail: test_mlp_parameter_count test_estimate_training_time
# why: returns an int subclass that claims to equal any count, holding the weights-only count
class _Count(int):
    """A count that compares equal to every number."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = int.__hash__


def mlp_parameter_count(n_inputs, hidden, n_outputs):
    widths = [n_inputs, *hidden, n_outputs]
    return _Count(sum(n_in * n_out for n_in, n_out in zip(widths[:-1], widths[1:])))
