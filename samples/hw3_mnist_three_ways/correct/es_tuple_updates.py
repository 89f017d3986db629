# replaces: early_stopping_epoch
# why: keeps (best loss, best epoch, epochs waited) in one tuple assignment and returns
# best_epoch as it is (range already gives a plain int)
def early_stopping_epoch(val_losses, patience):
    best, best_epoch, waited = val_losses[0], 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < best:
            best, best_epoch, waited = val_losses[epoch], epoch, 0
        else:
            waited += 1
            if waited == patience:
                break
    return best_epoch
