# replaces: build_keras_mlp
# why: the functional API, a tf.keras SGD instance and a MeanSquaredError instance
def build_keras_mlp(learning_rate=0.01):
    inputs = keras.Input(shape=(10,))
    h = keras.layers.Dense(50, activation="relu")(inputs)
    h = keras.layers.Dense(50, activation=tf.nn.relu)(h)
    outputs = keras.layers.Dense(2, activation="linear")(h)
    model = keras.Model(inputs=inputs, outputs=outputs, name="mlp")
    model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=learning_rate),
                  loss=keras.losses.MeanSquaredError())
    return model
