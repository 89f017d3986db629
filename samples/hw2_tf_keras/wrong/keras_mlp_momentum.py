# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_training
# why: adds momentum 0.9, so from the second step on the updates are not plain SGD
def build_keras_mlp(learning_rate=0.01):
    model = keras.Sequential([
        keras.Input(shape=(10,)),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(2),
    ])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate, momentum=0.9),
                  loss="mse")
    return model
