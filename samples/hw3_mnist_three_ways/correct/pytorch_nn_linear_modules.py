# replaces: NetworkPyTorch
# why: nn.Linear in nn.Sequential, weights exposed as transposes, grads via backward()
class NetworkPyTorch:
    # (as released)
    def __init__(self, sizes, epochs=10, learning_rate=0.5, batch_size=64, seed=0):
        torch.manual_seed(seed)
        layers = []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            layers += [torch.nn.Linear(n_in, n_out), torch.nn.Sigmoid()]
        self.model = torch.nn.Sequential(*layers[:-1])
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=learning_rate)
        self.generator = torch.Generator().manual_seed(seed)

    @property
    def weights(self):
        return [m.weight.T for m in self.model if isinstance(m, torch.nn.Linear)]

    @property
    def biases(self):
        return [m.bias for m in self.model if isinstance(m, torch.nn.Linear)]

    def forward(self, x):
        with torch.no_grad():
            return torch.softmax(self.model(torch.tensor(x, dtype=torch.float32)), dim=1).numpy()

    def loss(self, x, y):
        with torch.no_grad():
            logits = self.model(torch.tensor(x, dtype=torch.float32))
            return torch.nn.functional.cross_entropy(
                logits, torch.tensor(np.argmax(y, axis=1))).item()

    def gradients(self, x, y):
        self.model.zero_grad()
        logits = self.model(torch.tensor(x, dtype=torch.float32))
        torch.nn.functional.cross_entropy(logits, torch.tensor(np.argmax(y, axis=1))).backward()
        linear = [m for m in self.model if isinstance(m, torch.nn.Linear)]
        return ([m.weight.grad.T.numpy().copy() for m in linear],
                [m.bias.grad.numpy().copy() for m in linear])

    def fit(self, x_train, y_train, x_val, y_val):
        x = torch.tensor(x_train, dtype=torch.float32)
        t = torch.tensor(np.argmax(y_train, axis=1))
        history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
        for epoch in range(self.epochs):
            order = torch.randperm(len(x), generator=self.generator)
            for i in range(0, len(x), self.batch_size):
                rows = order[i:i + self.batch_size]
                self.optimizer.zero_grad()
                torch.nn.functional.cross_entropy(self.model(x[rows]), t[rows]).backward()
                self.optimizer.step()
            history["loss"].append(self.loss(x_train, y_train))
            history["accuracy"].append(self.compute_accuracy(x_train, y_train))
            history["val_loss"].append(self.loss(x_val, y_val))
            history["val_accuracy"].append(self.compute_accuracy(x_val, y_val))
            print(f"epoch {epoch + 1}: val_accuracy {history['val_accuracy'][-1]:.3f}")
        return history

    def predict(self, x):
        return self.forward(x).argmax(axis=1)

    def compute_accuracy(self, x, y):
        return float(np.mean(self.predict(x) == np.argmax(y, axis=1)))
