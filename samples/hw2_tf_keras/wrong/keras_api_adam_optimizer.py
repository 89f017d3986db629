# replaces: KERAS_API
# expect-fail: test_keras_api_training
# why: gives Adam, the usual default, where plain stochastic gradient descent is asked for
KERAS_API = {
    "sequential_model": keras.Sequential,
    "functional_model": keras.Model,
    "learning_rate": "learning_rate",
    "activation": "relu",
    "loss": "mean_squared_error",
    "optimizer": keras.optimizers.Adam,
}
