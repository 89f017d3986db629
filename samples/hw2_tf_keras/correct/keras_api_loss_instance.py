# replaces: KERAS_API
# why: a loss instance, the optimiser's string name in capitals, and a lambda model factory
KERAS_API = {
    "sequential_model": lambda layers=None: keras.Sequential(layers),
    "functional_model": keras.Model,
    "learning_rate": "learning_rate",
    "activation": keras.activations.relu,
    "loss": keras.losses.MeanSquaredError(),
    "optimizer": "SGD",
}
