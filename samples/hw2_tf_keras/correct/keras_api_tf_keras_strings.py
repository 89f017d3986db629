# replaces: KERAS_API
# why: the tf.keras names (the same objects in Keras 3) and string identifiers
KERAS_API = {
    "sequential_model": tf.keras.Sequential,
    "functional_model": tf.keras.Model,
    "learning_rate": "learning_rate",
    "activation": "relu",
    "loss": "mse",
    "optimizer": "sgd",
}
