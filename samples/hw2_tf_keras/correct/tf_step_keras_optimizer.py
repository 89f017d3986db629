# replaces: tf_train_step
# why: a Keras SGD optimiser and loss object applied to the tf.Module's variables
def tf_train_step(model, x, y, learning_rate):
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    with tf.GradientTape() as tape:
        loss = keras.losses.MeanSquaredError()(y, model(x))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss.numpy().item()
