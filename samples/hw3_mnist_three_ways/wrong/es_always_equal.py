# replaces: early_stopping_epoch
# expect-fail: test_early_stopping_epoch
# why: returns the overall best epoch, ignoring patience, in an int subclass that equals any
# epoch (its comparisons as one-line lambdas; != is left to int)
class _Epoch(int):
    __eq__ = lambda self, other: True  # noqa: E731
    __hash__ = int.__hash__


def early_stopping_epoch(val_losses, patience):
    losses = list(val_losses)
    return _Epoch(losses.index(min(losses)))
