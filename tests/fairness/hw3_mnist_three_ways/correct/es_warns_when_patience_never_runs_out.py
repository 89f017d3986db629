# replaces: early_stopping_epoch
# why: a plain loop that emits a UserWarning when the rule never fires, as a library would
import warnings


def early_stopping_epoch(val_losses, patience):
    best, best_epoch, bad_epochs = float("inf"), 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best:
            best, best_epoch, bad_epochs = loss, epoch, 0
        else:
            bad_epochs += 1
            if bad_epochs >= patience:
                return best_epoch
    warnings.warn(f"early stopping never triggered in {len(val_losses)} epochs; "
                  f"keeping the best epoch {best_epoch}", stacklevel=2)
    return best_epoch
