# replaces: train_epoch
# expect-fail: test_train_epoch
# why: averages the batch losses without weighting by batch size: the small last batch weighs more
def train_epoch(model, dataset, optimizer):
    losses = []
    for x, y in dataset:
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(x, training=True) - y))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        losses.append(float(loss))
    return float(np.mean(losses))
