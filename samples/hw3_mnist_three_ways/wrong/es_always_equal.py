# replaces: early_stopping_epoch
# expect-fail: test_early_stopping_epoch
# why: returns the overall best epoch, ignoring patience, in an int subclass that equals any epoch
class _Epoch(int):
    """An epoch number that compares equal to every number."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = int.__hash__


def early_stopping_epoch(val_losses, patience):
    losses = list(val_losses)
    return _Epoch(losses.index(min(losses)))
