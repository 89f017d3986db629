# replaces: build_keras_mlp
# why: the older idiom input_shape=(10,) on the first Dense layer; Keras 3 still builds the
# model but emits a UserWarning (on stderr) every time the model is made
def build_keras_mlp(learning_rate=0.01):
    model = keras.models.Sequential()
    model.add(keras.layers.Dense(50, activation="relu", input_shape=(10,)))
    model.add(keras.layers.Dense(50, activation="relu"))
    model.add(keras.layers.Dense(2, activation=None))
    model.compile(loss="mean_squared_error",
                  optimizer=keras.optimizers.SGD(learning_rate=learning_rate))
    return model
