# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_architecture
# why: a Sequential model without keras.Input whose output layer also applies ReLU, so it
# can never predict a negative target
def build_keras_mlp(learning_rate=0.01):
    model = keras.Sequential([keras.layers.Dense(50, activation="relu") for _ in range(2)]
                             + [keras.layers.Dense(2, activation="relu")])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
    return model
