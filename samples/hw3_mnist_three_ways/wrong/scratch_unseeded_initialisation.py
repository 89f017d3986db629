# replaces: NetworkScratch
# expect-fail: test_scratch_forward
# why: draws the initial weights from NumPy's global generator, ignoring seed
class NetworkScratch:
    """Fully connected network in NumPy: sigmoid hidden layers, softmax output, MSE loss."""

    def __init__(self, sizes, epochs=10, learning_rate=2.0, batch_size=64, seed=0):
        self.sizes = list(sizes)
        self.epochs = epochs
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            limit = np.sqrt(6.0 / (n_in + n_out))
            self.weights.append(
                np.random.uniform(-limit, limit, size=(n_in, n_out)).astype(np.float32)
            )
            self.biases.append(np.zeros(n_out, dtype=np.float32))

    def _forward_layers(self, x):
        """The outputs of every layer for the batch x, input first: [A_0, A_1, ..., Yhat]."""
        a = np.asarray(x, dtype=self.weights[0].dtype)
        layers = [a]
        last = len(self.weights) - 1
        for index, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = a @ W
            z += b
            if index < last:
                # sigmoid(z) = (1 + tanh(z / 2)) / 2, in place and without overflow
                z *= 0.5
                np.tanh(z, out=z)
                z += 1.0
                z *= 0.5
            else:
                z -= z.max(axis=1, keepdims=True)
                np.exp(z, out=z)
                z /= z.sum(axis=1, keepdims=True)
            a = z
            layers.append(a)
        return layers

    def _backprop(self, layers, y):
        """(dW, db) of the batch-mean loss, given the outputs of _forward_layers and y."""
        y_hat = layers[-1]
        n = y_hat.shape[0]
        g = (y_hat - np.asarray(y, dtype=y_hat.dtype)) / n  # dL/dYhat
        # Softmax Jacobian per row: delta_k = yhat_k (g_k - sum_j g_j yhat_j).
        delta = y_hat * (g - np.sum(g * y_hat, axis=1, keepdims=True))
        dW = [None] * len(self.weights)
        db = [None] * len(self.weights)
        for k in range(len(self.weights) - 1, -1, -1):
            dW[k] = layers[k].T @ delta
            db[k] = delta.sum(axis=0)
            if k > 0:
                a = layers[k]
                delta = delta @ self.weights[k].T
                delta *= a * (1.0 - a)  # sigmoid'(z) from the layer's output
        return dW, db

    def forward(self, x):
        """Class probabilities, shape (n, K)."""
        return self._forward_layers(x)[-1]

    def loss(self, x, y):
        """L = 1/n sum_i 1/2 ||yhat_i - y_i||^2, a float."""
        y_hat = self.forward(x)
        return float(0.5 * np.sum((y_hat - y) ** 2) / len(y_hat))

    def gradients(self, x, y):
        """(dW, db): lists of dL/dW_l and dL/db_l for the batch (x, y)."""
        return self._backprop(self._forward_layers(x), y)

    def fit(self, x_train, y_train, x_val, y_val):
        """Mini-batch gradient descent for self.epochs epochs; returns the history dict."""
        dtype = self.weights[0].dtype
        x_train = np.asarray(x_train, dtype=dtype)
        y_train = np.asarray(y_train, dtype=dtype)
        history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
        n = len(x_train)
        for epoch in range(self.epochs):
            order = self.rng.permutation(n)
            total_loss = 0.0
            correct = 0
            for start in range(0, n, self.batch_size):
                batch = order[start:start + self.batch_size]
                xb, yb = x_train[batch], y_train[batch]
                layers = self._forward_layers(xb)
                y_hat = layers[-1]
                total_loss += 0.5 * float(np.sum((y_hat - yb) ** 2))
                correct += int(np.sum(y_hat.argmax(axis=1) == yb.argmax(axis=1)))
                dW, db = self._backprop(layers, yb)
                for W, b, gW, gb in zip(self.weights, self.biases, dW, db):
                    gW *= self.learning_rate
                    W -= gW
                    gb *= self.learning_rate
                    b -= gb
            history["loss"].append(total_loss / n)
            history["accuracy"].append(correct / n)
            history["val_loss"].append(self.loss(x_val, y_val))
            history["val_accuracy"].append(self.compute_accuracy(x_val, y_val))
            print(f"epoch {epoch + 1}/{self.epochs}: loss {history['loss'][-1]:.4f}, "
                  f"accuracy {history['accuracy'][-1]:.4f}, "
                  f"val_loss {history['val_loss'][-1]:.4f}, "
                  f"val_accuracy {history['val_accuracy'][-1]:.4f}", flush=True)
        return history

    def predict(self, x):
        """Predicted class of each row, an integer array of shape (n,)."""
        return np.argmax(self.forward(x), axis=1)

    def compute_accuracy(self, x, y):
        """Fraction of rows of x whose predicted class is the one marked in the one-hot y."""
        return float(np.mean(self.predict(x) == np.argmax(y, axis=1)))
