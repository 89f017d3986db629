# replaces: tf_train_step
# expect-fail: test_tf_train_step
# why: adds the gradient (assign_add), which climbs the loss instead of descending it
def tf_train_step(model, x, y, learning_rate):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    for v, g in zip(model.trainable_variables, grads):
        v.assign_add(learning_rate * g)
    return float(loss)
