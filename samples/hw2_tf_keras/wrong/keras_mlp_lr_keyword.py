# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_architecture test_build_keras_mlp_training
# why: the removed keyword SGD(lr=...) from old tutorials: Keras 3 raises an error
def build_keras_mlp(learning_rate=0.01):
    model = keras.Sequential([
        keras.Input(shape=(10,)),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(2),
    ])
    model.compile(optimizer=keras.optimizers.SGD(lr=learning_rate), loss="mse")
    return model
