# replaces: early_stopping_epoch
# why: replays the losses through keras.callbacks.EarlyStopping (min_delta=0: a tie is no
# improvement) on a throw-away model and keeps its best_epoch; TensorFlow's first use writes
# its C++ start-up lines to stderr inside the test cell, which costs nothing
import keras


def early_stopping_epoch(val_losses, patience):
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, mode="min")
    stopper.set_model(model)
    model.stop_training = False
    stopper.on_train_begin()
    for epoch, loss in enumerate(val_losses):
        stopper.on_epoch_end(epoch, {"val_loss": float(loss)})
        if model.stop_training:
            break
    return int(stopper.best_epoch)
