# replaces: train_epoch
# expect-fail: test_train_epoch
# why: returns the loss of the last batch instead of the epoch's mean
def train_epoch(model, dataset, optimizer):
    for x, y in dataset:
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(x, training=True) - y))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return float(loss)
