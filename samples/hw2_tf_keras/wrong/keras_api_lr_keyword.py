# replaces: KERAS_API
# expect-fail: test_keras_api_training
# why: the Keras 2 keyword "lr", which Keras 3 optimisers reject
# in-sample: yes
KERAS_API = {
    "sequential_model": keras.Sequential,
    "functional_model": keras.Model,
    "learning_rate": "lr",
    "activation": keras.activations.relu,
    "loss": keras.losses.MeanSquaredError,
    "optimizer": keras.optimizers.SGD,
}
