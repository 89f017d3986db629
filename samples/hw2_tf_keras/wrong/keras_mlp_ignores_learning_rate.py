# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_training
# why: compiles with optimizer="sgd", whose default learning rate 0.01 ignores the argument
def build_keras_mlp(learning_rate=0.01):
    model = keras.Sequential([
        keras.Input(shape=(10,)),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(2),
    ])
    model.compile(optimizer="sgd", loss="mse")
    return model
