# replaces: tf_train_step
# why: the gradient step compiled with @tf.function, the loss turned into a float outside it;
# TensorFlow traces it again for every new model and may log a retracing warning (stderr)
@tf.function
def _sgd_step(model, x, y, learning_rate):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    for var, grad in zip(model.trainable_variables, grads):
        var.assign_sub(learning_rate * grad)
    return loss


def tf_train_step(model, x, y, learning_rate):
    x = tf.convert_to_tensor(x, dtype=tf.float32)
    y = tf.convert_to_tensor(y, dtype=tf.float32)
    return float(_sgd_step(model, x, y, tf.constant(learning_rate, dtype=tf.float32)))
