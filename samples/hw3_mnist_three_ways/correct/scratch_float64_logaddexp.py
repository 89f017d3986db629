# replaces: NetworkScratch
# why: float64, LeCun init, logaddexp sigmoid, einsum softmax Jacobian, history after epoch
class NetworkScratch:
    # (as released)
    def __init__(self, sizes, epochs=10, learning_rate=2.0, batch_size=64, seed=0):
        rng = np.random.default_rng(seed)
        self.weights = [rng.normal(0.0, 1.0 / np.sqrt(a), size=(a, b))
                        for a, b in zip(self.sizes[:-1], self.sizes[1:])]
        self.biases = [np.zeros(b) for b in self.sizes[1:]]
        self.shuffle = np.random.default_rng(seed + 1)

    @staticmethod
    def _sigmoid(z):
        return np.exp(-np.logaddexp(0.0, -z))

    def _forward_layers(self, x):
        outputs = [np.asarray(x, dtype=float)]
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            outputs.append(self._sigmoid(outputs[-1] @ W + b))
        z = outputs[-1] @ self.weights[-1] + self.biases[-1]
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        outputs.append(p / p.sum(axis=1, keepdims=True))
        return outputs

    def _backprop(self, layers, y):
        p = layers[-1]
        n = len(p)
        jacobians = np.einsum("ik,kj->ikj", p, np.eye(p.shape[1])) - np.einsum("ik,ij->ikj", p, p)
        delta = np.einsum("ikj,ik->ij", jacobians, (p - y) / n)
        dW, db = [], []
        for k in reversed(range(len(self.weights))):
            dW.insert(0, layers[k].T @ delta)
            db.insert(0, delta.sum(axis=0))
            delta = (delta @ self.weights[k].T) * layers[k] * (1 - layers[k])
        return dW, db

    def forward(self, x):
        return self._forward_layers(x)[-1]

    def loss(self, x, y):
        return float(np.mean(0.5 * np.sum((self.forward(x) - y) ** 2, axis=1)))

    def gradients(self, x, y):
        return self._backprop(self._forward_layers(x), y)

    def fit(self, x_train, y_train, x_val, y_val):
        x_train = np.asarray(x_train, dtype=float)
        history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
        for epoch in range(self.epochs):
            order = self.shuffle.permutation(len(x_train))
            for start in range(0, len(order), self.batch_size):
                rows = order[start:start + self.batch_size]
                dW, db = self.gradients(x_train[rows], y_train[rows])
                self.weights = [W - self.learning_rate * g for W, g in zip(self.weights, dW)]
                self.biases = [b - self.learning_rate * g for b, g in zip(self.biases, db)]
            history["loss"].append(self.loss(x_train, y_train))
            history["accuracy"].append(self.compute_accuracy(x_train, y_train))
            history["val_loss"].append(self.loss(x_val, y_val))
            history["val_accuracy"].append(self.compute_accuracy(x_val, y_val))
            print(epoch + 1, {k: round(v[-1], 4) for k, v in history.items()})
        return history

    def predict(self, x):
        return self.forward(x).argmax(axis=1)

    def compute_accuracy(self, x, y):
        return float((self.predict(x) == np.asarray(y).argmax(axis=1)).mean())
