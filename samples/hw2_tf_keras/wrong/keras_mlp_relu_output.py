# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_architecture
# why: puts ReLU on the output layer too, so the network cannot predict negative values
# in-sample: yes
def build_keras_mlp(learning_rate=0.01):
    model = keras.Sequential([
        keras.Input(shape=(10,)),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(50, activation="relu"),
        keras.layers.Dense(2, activation="relu"),
    ])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
    return model
