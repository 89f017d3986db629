# replaces: tf_train_step
# expect-fail: test_tf_train_step
# why: returns the loss after the update instead of the loss of the step
def tf_train_step(model, x, y, learning_rate):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    for v, g in zip(model.trainable_variables, grads):
        v.assign_sub(learning_rate * g)
    return float(tf.reduce_mean(tf.square(model(x) - y)))
