# replaces: train_epoch
# expect-fail: test_train_epoch
# why: records each batch's loss after its update instead of the loss the step used
def train_epoch(model, dataset, optimizer):
    total, count = 0.0, 0
    for x, y in dataset:
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(x, training=True) - y))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        after = tf.reduce_mean(tf.square(model(x) - y))
        total += float(after) * len(x)
        count += len(x)
    return total / count
