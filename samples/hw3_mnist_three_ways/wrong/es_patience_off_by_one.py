# replaces: early_stopping_epoch
# expect-fail: test_early_stopping_epoch
# why: stops only after patience + 1 epochs without improvement (> instead of ==)
# patch-of: correct/es_tuple_updates
# patch:
#-            if waited == patience:
#+            if waited > patience:
