# replaces: early_stopping_epoch
# why: a while loop that counts the epochs since the best one
def early_stopping_epoch(val_losses, patience):
    best_epoch = 0
    epoch = 1
    while epoch < len(val_losses) and epoch - best_epoch <= patience:
        if val_losses[epoch] < val_losses[best_epoch]:
            best_epoch = epoch
        elif epoch - best_epoch == patience:
            break
        epoch += 1
    return best_epoch
