# replaces: KERAS_API
# expect-fail: test_keras_api_models
# why: swaps the model classes: keras.Model for a list of layers, Sequential for inputs/outputs
KERAS_API = {
    "sequential_model": keras.Model,
    "functional_model": keras.Sequential,
    "learning_rate": "learning_rate",
    "activation": "relu",
    "loss": "mse",
    "optimizer": "sgd",
}
