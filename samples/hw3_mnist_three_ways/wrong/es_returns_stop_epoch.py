# replaces: early_stopping_epoch
# expect-fail: test_early_stopping_epoch
# why: returns the epoch at which training stops rather than the best epoch whose weights are kept
def early_stopping_epoch(val_losses, patience):
    best, waited = val_losses[0], 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < best:
            best, waited = val_losses[epoch], 0
        else:
            waited += 1
            if waited == patience:
                return epoch
    return len(val_losses) - 1
