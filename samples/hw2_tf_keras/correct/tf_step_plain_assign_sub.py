# replaces: tf_train_step
# why: subtracts y as it comes, without converting it first (TensorFlow converts a NumPy
# target to the predictions' float32 itself), and assign_sub on each variable in a loop
def tf_train_step(model, x, y, learning_rate):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    for v, g in zip(model.trainable_variables, grads):
        v.assign_sub(learning_rate * g)
    return float(loss)
