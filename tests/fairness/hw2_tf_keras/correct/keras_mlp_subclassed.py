# replaces: build_keras_mlp
# why: a subclass of keras.Model with its layers as attributes and a call method, the
# "model subclassing" style; built only when it is first called
class MLP(keras.Model):
    def __init__(self, hidden=(50, 50), n_outputs=2, **kwargs):
        super().__init__(**kwargs)
        self.hidden_layers = [keras.layers.Dense(units, activation="relu") for units in hidden]
        self.head = keras.layers.Dense(n_outputs)

    def call(self, inputs, training=False):
        x = inputs
        for layer in self.hidden_layers:
            x = layer(x)
        return self.head(x)


def build_keras_mlp(learning_rate=0.01):
    model = MLP()
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
                  loss=keras.losses.MeanSquaredError())
    return model
