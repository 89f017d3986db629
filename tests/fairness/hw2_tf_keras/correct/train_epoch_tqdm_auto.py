# replaces: train_epoch
# why: a tqdm progress bar over the batches (tqdm.auto: a widget in Jupyter, text on stderr
# elsewhere) showing the running loss, and a Keras loss object
from tqdm.auto import tqdm


def train_epoch(model, dataset, optimizer):
    loss_fn = keras.losses.MeanSquaredError()
    total_loss, n_samples = 0.0, 0
    progress = tqdm(dataset, desc="training", unit="batch", leave=False)
    for x_batch, y_batch in progress:
        with tf.GradientTape() as tape:
            loss = loss_fn(y_batch, model(x_batch, training=True))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        batch_size = int(x_batch.shape[0])
        total_loss += float(loss) * batch_size
        n_samples += batch_size
        progress.set_postfix(loss=f"{total_loss / n_samples:.4f}")
    return total_loss / n_samples
