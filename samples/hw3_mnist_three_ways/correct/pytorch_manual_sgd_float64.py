# replaces: NetworkPyTorch
# why: float64 tensors, a small normal init, log_softmax by hand, SGD without torch.optim
class NetworkPyTorch:
    # (as released)
    def __init__(self, sizes, epochs=10, learning_rate=0.5, batch_size=64, seed=0):
        g = torch.Generator().manual_seed(seed)
        self.weights = [(torch.randn(a, b, generator=g, dtype=torch.float64) * 0.1).requires_grad_()
                        for a, b in zip(self.sizes[:-1], self.sizes[1:])]
        self.biases = [torch.zeros(b, dtype=torch.float64, requires_grad=True)
                       for b in self.sizes[1:]]
        self.rng = np.random.default_rng(seed)

    def _log_probabilities(self, x):
        a = torch.as_tensor(np.asarray(x, dtype=np.float64))
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            a = 1 / (1 + torch.exp(-(a @ W + b)))
        return torch.log_softmax(a @ self.weights[-1] + self.biases[-1], dim=1)

    def _loss(self, x, y):
        y = torch.as_tensor(np.asarray(y, dtype=np.float64))
        return -(y * self._log_probabilities(x)).sum(dim=1).mean()

    def forward(self, x):
        with torch.no_grad():
            return self._log_probabilities(x).exp().numpy()

    def loss(self, x, y):
        with torch.no_grad():
            return self._loss(x, y).item()

    def gradients(self, x, y):
        grads = torch.autograd.grad(self._loss(x, y), self.weights + self.biases)
        n = len(self.weights)
        return [g.numpy() for g in grads[:n]], [g.numpy() for g in grads[n:]]

    def fit(self, x_train, y_train, x_val, y_val):
        history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
        for epoch in range(self.epochs):
            order = self.rng.permutation(len(x_train))
            for i in range(0, len(order), self.batch_size):
                rows = order[i:i + self.batch_size]
                loss = self._loss(x_train[rows], y_train[rows])
                grads = torch.autograd.grad(loss, self.weights + self.biases)
                with torch.no_grad():
                    for p, g in zip(self.weights + self.biases, grads):
                        p -= self.learning_rate * g
            history["loss"].append(self.loss(x_train, y_train))
            history["accuracy"].append(self.compute_accuracy(x_train, y_train))
            history["val_loss"].append(self.loss(x_val, y_val))
            history["val_accuracy"].append(self.compute_accuracy(x_val, y_val))
            print(f"epoch {epoch + 1}/{self.epochs} val_loss {history['val_loss'][-1]:.4f}")
        return history

    def predict(self, x):
        return np.argmax(self.forward(x), axis=1)

    def compute_accuracy(self, x, y):
        return float(np.mean(self.predict(x) == np.argmax(y, axis=1)))
