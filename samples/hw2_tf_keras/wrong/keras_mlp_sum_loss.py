# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_training
# why: sums the squared errors over the batch instead of averaging them
def build_keras_mlp(learning_rate=0.01):
    model = keras.Sequential([
        keras.Input(shape=(10,)),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(2),
    ])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
                  loss=keras.losses.MeanSquaredError(reduction="sum"))
    return model
