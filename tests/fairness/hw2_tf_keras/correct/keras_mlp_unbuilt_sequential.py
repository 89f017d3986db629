# replaces: build_keras_mlp
# why: a Sequential model without keras.Input, compiled at once: it has no weights until
# it first sees a batch, which is how most Keras tutorials leave it
def build_keras_mlp(learning_rate=0.01):
    model = keras.Sequential([
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(2),
    ])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
    return model
