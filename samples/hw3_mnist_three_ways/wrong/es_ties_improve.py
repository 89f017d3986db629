# replaces: early_stopping_epoch
# expect-fail: test_early_stopping_epoch
# why: counts an equal loss as an improvement (<= instead of <), against the statement
def early_stopping_epoch(val_losses, patience):
    best, best_epoch, waited = val_losses[0], 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] <= best:
            best, best_epoch, waited = val_losses[epoch], epoch, 0
        else:
            waited += 1
            if waited == patience:
                break
    return best_epoch
