# replaces: NetworkPyTorch
# why: plain tensors and torch.optim.SGD; it announces training with a logging warning and
# prints its per-epoch lines to sys.stderr, as many scripts do
import logging
import sys

import numpy as np
import torch
import torch.nn.functional as F

log = logging.getLogger("hw3.pytorch")


class NetworkPyTorch:
    # (as released)
    def __init__(self, sizes, epochs=10, learning_rate=0.5, batch_size=64, seed=0):
        self.gen = torch.Generator().manual_seed(seed)
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            std = (2.0 / (n_in + n_out)) ** 0.5
            W = torch.randn(n_in, n_out, generator=self.gen) * std
            self.weights.append(W.requires_grad_())
            self.biases.append(torch.zeros(n_out, requires_grad=True))
        self.optimizer = torch.optim.SGD(self.weights + self.biases, lr=learning_rate)

    def _logits(self, x):
        a = torch.as_tensor(np.asarray(x, dtype=np.float32))
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            a = torch.sigmoid(a @ W + b)
        return a @ self.weights[-1] + self.biases[-1]

    def forward(self, x):
        with torch.no_grad():
            return F.softmax(self._logits(x), dim=1).numpy()

    def loss(self, x, y):
        with torch.no_grad():
            targets = torch.as_tensor(np.asarray(y, np.float32))
            return F.cross_entropy(self._logits(x), targets).item()

    def gradients(self, x, y):
        loss = F.cross_entropy(self._logits(x), torch.as_tensor(np.asarray(y, np.float32)))
        grads = torch.autograd.grad(loss, self.weights + self.biases)
        n = len(self.weights)
        return [g.numpy() for g in grads[:n]], [g.numpy() for g in grads[n:]]

    def fit(self, x_train, y_train, x_val, y_val):
        log.warning("training %s for %d epochs on %d samples", self.sizes, self.epochs,
                    len(x_train))
        x = torch.as_tensor(np.asarray(x_train, dtype=np.float32))
        y = torch.as_tensor(np.asarray(y_train, dtype=np.float32))
        history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
        for epoch in range(self.epochs):
            perm = torch.randperm(len(x), generator=self.gen)
            for i in range(0, len(x), self.batch_size):
                idx = perm[i:i + self.batch_size]
                loss = F.cross_entropy(self._logits(x[idx]), y[idx])
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
            history["loss"].append(self.loss(x_train, y_train))
            history["accuracy"].append(self.compute_accuracy(x_train, y_train))
            history["val_loss"].append(self.loss(x_val, y_val))
            history["val_accuracy"].append(self.compute_accuracy(x_val, y_val))
            print(f"[{epoch + 1}/{self.epochs}] loss={history['loss'][-1]:.4f} "
                  f"val_acc={history['val_accuracy'][-1]:.4f}", file=sys.stderr)
        return history

    def predict(self, x):
        return self.forward(x).argmax(axis=1)

    def compute_accuracy(self, x, y):
        return float((self.predict(x) == np.asarray(y).argmax(axis=1)).mean())
