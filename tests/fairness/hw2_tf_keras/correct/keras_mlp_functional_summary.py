# replaces: build_keras_mlp
# why: the functional API as in the Keras guide: named layers, `from keras import layers`,
# a metric besides the loss, and model.summary() printed on the way
from keras import layers


def build_keras_mlp(learning_rate=0.01):
    inputs = keras.Input(shape=(10,), name="features")
    x = layers.Dense(50, activation="relu", name="hidden_1")(inputs)
    x = layers.Dense(50, activation="relu", name="hidden_2")(x)
    outputs = layers.Dense(2, name="predictions")(x)
    model = keras.Model(inputs=inputs, outputs=outputs, name="mlp_10_50_50_2")
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
        loss=keras.losses.MeanSquaredError(),
        metrics=[keras.metrics.MeanAbsoluteError()],
    )
    model.summary()
    return model
