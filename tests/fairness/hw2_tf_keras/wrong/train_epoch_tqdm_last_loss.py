# replaces: train_epoch
# expect-fail: test_train_epoch
# why: the tqdm bar's last postfix is returned: the loss of the final (partial) batch, not
# the epoch's mean
from tqdm.auto import tqdm


def train_epoch(model, dataset, optimizer):
    progress = tqdm(dataset, leave=False)
    for x, y in progress:
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(x, training=True) - y))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        progress.set_postfix(loss=float(loss))
    return float(loss)
