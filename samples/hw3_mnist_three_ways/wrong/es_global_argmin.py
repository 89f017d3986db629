# replaces: early_stopping_epoch
# expect-fail: test_early_stopping_epoch
# why: ignores the stopping rule and returns the best epoch of the whole sequence
def early_stopping_epoch(val_losses, patience):
    return int(np.argmin(val_losses))
