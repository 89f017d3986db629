# replaces: KERAS_API
# expect-fail: test_keras_api_training
# why: confuses the mean squared error with the mean absolute error
KERAS_API = {
    "sequential_model": keras.Sequential,
    "functional_model": keras.Model,
    "learning_rate": "learning_rate",
    "activation": "relu",
    "loss": keras.losses.MeanAbsoluteError,
    "optimizer": "sgd",
}
