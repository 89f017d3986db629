# replaces: KERAS_API
# why: keras.models names, tf.nn.relu, the loss function, and an optimiser instance
KERAS_API = {
    "sequential_model": keras.models.Sequential,
    "functional_model": keras.models.Model,
    "learning_rate": "learning_rate",
    "activation": tf.nn.relu,
    "loss": keras.losses.mean_squared_error,
    "optimizer": keras.optimizers.SGD(learning_rate=0.01),
}
