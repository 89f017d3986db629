# replaces: build_keras_mlp
# why: Sequential grown with add(), separate Activation layers, loss given by its long name
def build_keras_mlp(learning_rate=0.01):
    model = keras.Sequential()
    model.add(keras.Input(shape=(10,)))
    for _ in range(2):
        model.add(keras.layers.Dense(50, kernel_initializer="he_normal"))
        model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.Dense(2))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate, momentum=0.0),
                  loss="mean_squared_error", metrics=["mae"])
    return model
