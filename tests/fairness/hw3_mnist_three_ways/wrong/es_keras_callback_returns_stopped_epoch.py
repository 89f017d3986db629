# replaces: early_stopping_epoch
# expect-fail: test_early_stopping_epoch
# why: Keras's EarlyStopping again, but returns stopped_epoch (the epoch training stopped
# after, 0 when it never stopped) instead of the best epoch whose weights are kept
import keras


def early_stopping_epoch(val_losses, patience):
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience)
    stopper.set_model(model)
    stopper.on_train_begin()
    for epoch, loss in enumerate(val_losses):
        stopper.on_epoch_end(epoch, {"val_loss": float(loss)})
        if model.stop_training:
            break
    return int(stopper.stopped_epoch)
