# replaces: early_stopping_epoch
# expect-fail: test_early_stopping_epoch
# why: counts an equal loss as an improvement (<= instead of <), against the statement
# patch-of: correct/es_tuple_updates
# patch:
#-        if val_losses[epoch] < best:
#+        if val_losses[epoch] <= best:
