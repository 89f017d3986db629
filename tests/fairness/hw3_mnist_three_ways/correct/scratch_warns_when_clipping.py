# replaces: NetworkScratch
# why: clips the sigmoid's input to [-80, 80] so that np.exp cannot overflow (even in
# float32), and says so with a UserWarning (a warning of its own, not an overflow: the
# statement allows it)
import warnings

import numpy as np


class NetworkScratch:
    # (as released)
    def __init__(self, sizes, epochs=10, learning_rate=2.0, batch_size=64, seed=0):
        self.rng = np.random.default_rng(seed)
        self.weights = []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            limit = np.sqrt(6.0 / (n_in + n_out))
            self.weights.append(self.rng.uniform(-limit, limit, (n_in, n_out)).astype(np.float32))
        self.biases = [np.zeros(n, dtype=np.float32) for n in self.sizes[1:]]

    @staticmethod
    def _sigmoid(z):
        if np.abs(z).max() > 80:
            warnings.warn("sigmoid input beyond +-80 clipped", stacklevel=2)
            z = np.clip(z, -80, 80)
        return 1.0 / (1.0 + np.exp(-z))

    def _forward_layers(self, x):
        layers = [np.asarray(x, dtype=self.weights[0].dtype)]
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            layers.append(self._sigmoid(layers[-1] @ W + b))
        z = layers[-1] @ self.weights[-1] + self.biases[-1]
        e = np.exp(z - z.max(axis=1, keepdims=True))
        layers.append(e / e.sum(axis=1, keepdims=True))
        return layers

    def _backprop(self, layers, y):
        y_hat = layers[-1]
        g = (y_hat - y) / len(y_hat)
        delta = y_hat * (g - np.sum(g * y_hat, axis=1, keepdims=True))
        dW, db = [None] * len(self.weights), [None] * len(self.weights)
        for k in reversed(range(len(self.weights))):
            dW[k] = layers[k].T @ delta
            db[k] = delta.sum(axis=0)
            if k:
                delta = (delta @ self.weights[k].T) * layers[k] * (1 - layers[k])
        return dW, db

    def forward(self, x):
        return self._forward_layers(x)[-1]

    def loss(self, x, y):
        return float(0.5 * np.sum((self.forward(x) - y) ** 2) / len(x))

    def gradients(self, x, y):
        return self._backprop(self._forward_layers(x), y)

    def fit(self, x_train, y_train, x_val, y_val):
        dtype = self.weights[0].dtype
        x_train, y_train = np.asarray(x_train, dtype=dtype), np.asarray(y_train, dtype=dtype)
        history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
        for epoch in range(self.epochs):
            order = self.rng.permutation(len(x_train))
            for start in range(0, len(x_train), self.batch_size):
                batch = order[start:start + self.batch_size]
                dW, db = self.gradients(x_train[batch], y_train[batch])
                for k in range(len(self.weights)):
                    self.weights[k] -= self.learning_rate * dW[k]
                    self.biases[k] -= self.learning_rate * db[k]
            for key, (x, y) in (("", (x_train, y_train)), ("val_", (x_val, y_val))):
                history[key + "loss"].append(self.loss(x, y))
                history[key + "accuracy"].append(self.compute_accuracy(x, y))
            print(f"epoch {epoch + 1}/{self.epochs}: "
                  f"val_accuracy {history['val_accuracy'][-1]:.4f}")
        return history

    def predict(self, x):
        return np.argmax(self.forward(x), axis=1)

    def compute_accuracy(self, x, y):
        return float(np.mean(self.predict(x) == np.argmax(y, axis=1)))
