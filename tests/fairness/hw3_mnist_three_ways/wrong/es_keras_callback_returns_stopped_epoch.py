# replaces: early_stopping_epoch
# expect-fail: test_early_stopping_epoch
# why: Keras's EarlyStopping again, but returns stopped_epoch (the epoch training stopped
# after, 0 when it never stopped) instead of the best epoch whose weights are kept
# patch-of: correct/es_keras_early_stopping_callback
# patch:
#-    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, mode="min")
#+    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience)
#@
#-    model.stop_training = False
#@
#-    return int(stopper.best_epoch)
#+    return int(stopper.stopped_epoch)
