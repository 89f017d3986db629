# replaces: NetworkPyTorch
# expect-fail: test_pytorch_forward test_pytorch_gradients
# why: keeps the squared error of Part 6 instead of switching to the cross-entropy
class NetworkPyTorch:
    """Fully connected network in PyTorch: sigmoid hidden layers, softmax output, cross-entropy."""

    def __init__(self, sizes, epochs=10, learning_rate=0.5, batch_size=64, seed=0):
        self.sizes = list(sizes)
        self.epochs = epochs
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.seed = seed
        self.generator = torch.Generator().manual_seed(seed)
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            limit = (6.0 / (n_in + n_out)) ** 0.5
            W = (torch.rand(n_in, n_out, generator=self.generator) * 2 - 1) * limit
            self.weights.append(W.requires_grad_())
            self.biases.append(torch.zeros(n_out, requires_grad=True))
        self.optimizer = torch.optim.SGD(self.weights + self.biases, lr=learning_rate)

    def _logits(self, x):
        """Inputs of the softmax for a float32 tensor x (a tensor of shape (n, K))."""
        a = x
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            a = torch.sigmoid(torch.addmm(b, a, W))
        return torch.addmm(self.biases[-1], a, self.weights[-1])

    def forward(self, x):
        """Class probabilities, a NumPy array of shape (n, K)."""
        with torch.no_grad():
            logits = self._logits(torch.as_tensor(np.asarray(x, dtype=np.float32)))
            return torch.softmax(logits, dim=1).numpy()

    def loss(self, x, y):
        """Batch-mean cross-entropy, a float."""
        with torch.no_grad():
            logits = self._logits(torch.as_tensor(np.asarray(x, dtype=np.float32)))
            targets = torch.as_tensor(np.asarray(y, dtype=np.float32))
            p = torch.softmax(logits, dim=1)
            return float(0.5 * ((p - targets) ** 2).sum(dim=1).mean())

    def gradients(self, x, y):
        """(dW, db): autograd gradients of the batch-mean cross-entropy, as NumPy arrays."""
        logits = self._logits(torch.as_tensor(np.asarray(x, dtype=np.float32)))
        targets = torch.as_tensor(np.asarray(y, dtype=np.float32))
        p = torch.softmax(logits, dim=1)
        loss = 0.5 * ((p - targets) ** 2).sum(dim=1).mean()
        grads = torch.autograd.grad(loss, self.weights + self.biases)
        L = len(self.weights)
        return [g.numpy() for g in grads[:L]], [g.numpy() for g in grads[L:]]

    def fit(self, x_train, y_train, x_val, y_val):
        """Mini-batch SGD for self.epochs epochs; returns the history dict."""
        x = torch.as_tensor(np.asarray(x_train, dtype=np.float32))
        labels = torch.as_tensor(np.argmax(y_train, axis=1))
        history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
        n = len(x)
        for epoch in range(self.epochs):
            order = torch.randperm(n, generator=self.generator)
            total_loss = torch.zeros(())
            correct = torch.zeros((), dtype=torch.long)
            for start in range(0, n, self.batch_size):
                batch = order[start:start + self.batch_size]
                xb, lb = x[batch], labels[batch]
                logits = self._logits(xb)
                loss = torch.nn.functional.cross_entropy(logits, lb)
                self.optimizer.zero_grad(set_to_none=True)
                loss.backward()
                self.optimizer.step()
                with torch.no_grad():
                    total_loss += loss * len(batch)
                    correct += (logits.argmax(dim=1) == lb).sum()
            history["loss"].append(float(total_loss) / n)
            history["accuracy"].append(int(correct) / n)
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
