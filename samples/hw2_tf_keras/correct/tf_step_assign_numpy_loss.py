# replaces: tf_train_step
# why: assign(v - lr * g) and the loss returned through NumPy
def tf_train_step(model, x, y, learning_rate):
    variables = model.trainable_variables
    with tf.GradientTape() as tape:
        error = model(tf.constant(x, dtype=tf.float32)) - tf.constant(y, dtype=tf.float32)
        loss = tf.reduce_mean(error**2)
    for v, g in zip(variables, tape.gradient(loss, variables)):
        v.assign(v - learning_rate * g)
    return float(np.asarray(loss))
