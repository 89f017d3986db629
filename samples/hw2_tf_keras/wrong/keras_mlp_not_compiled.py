# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_training
# why: builds the layers but never calls compile, so there is no optimiser or loss
def build_keras_mlp(learning_rate=0.01):
    return keras.Sequential([
        keras.Input(shape=(10,)),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(2),
    ])
