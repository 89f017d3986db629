# replaces: NetworkScratch
# why: CS231n style: a params dict behind the weights/biases lists, Glorot normal weights,
# float32, a tqdm.auto bar over the epochs with the metrics in its postfix, and the training
# accuracy as the mean over the epoch's mini-batches
import numpy as np
from tqdm.auto import tqdm


class NetworkScratch:
    # (as released)
    def __init__(self, sizes, epochs=10, learning_rate=2.0, batch_size=64, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {}
        for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            std = np.sqrt(2.0 / (fan_in + fan_out))
            self.params[f"W{i}"] = (std * rng.standard_normal((fan_in, fan_out))).astype(np.float32)
            self.params[f"b{i}"] = np.zeros(fan_out, dtype=np.float32)
        self.shuffler = np.random.default_rng(seed + 1)

    @property
    def weights(self):
        return [self.params[f"W{i}"] for i in range(1, len(self.sizes))]

    @weights.setter
    def weights(self, values):
        for i, value in enumerate(values, start=1):
            self.params[f"W{i}"] = value

    @property
    def biases(self):
        return [self.params[f"b{i}"] for i in range(1, len(self.sizes))]

    @biases.setter
    def biases(self, values):
        for i, value in enumerate(values, start=1):
            self.params[f"b{i}"] = value

    def _forward_layers(self, x):
        L = len(self.sizes) - 1
        caches = [np.asarray(x, dtype=self.params["W1"].dtype)]
        for i in range(1, L + 1):
            scores = caches[-1] @ self.params[f"W{i}"] + self.params[f"b{i}"]
            if i < L:
                caches.append(1.0 / (1.0 + np.exp(-np.clip(scores, -60, 60))))
            else:
                shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
                caches.append(shifted / shifted.sum(axis=1, keepdims=True))
        return caches

    def _backprop(self, caches, y):
        probs = caches[-1]
        dprobs = (probs - y) / probs.shape[0]
        dscores = probs * (dprobs - np.einsum("ij,ij->i", dprobs, probs)[:, None])
        grads_W, grads_b = [], []
        for i in range(len(self.sizes) - 1, 0, -1):
            grads_W.append(caches[i - 1].T @ dscores)
            grads_b.append(np.sum(dscores, axis=0))
            if i > 1:
                h = caches[i - 1]
                dscores = dscores @ self.params[f"W{i}"].T * h * (1 - h)
        return grads_W[::-1], grads_b[::-1]

    def forward(self, x):
        return self._forward_layers(x)[-1]

    def loss(self, x, y):
        return float(np.mean(0.5 * np.sum((self.forward(x) - y) ** 2, axis=1)))

    def gradients(self, x, y):
        return self._backprop(self._forward_layers(x), y)

    def fit(self, x_train, y_train, x_val, y_val):
        x_train = np.asarray(x_train, dtype=np.float32)
        y_train = np.asarray(y_train, dtype=np.float32)
        history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
        num_train = x_train.shape[0]
        bar = tqdm(range(self.epochs), desc="training", unit="epoch")
        for epoch in bar:
            idx = self.shuffler.permutation(num_train)
            losses, accuracies = [], []
            for it in range(0, num_train, self.batch_size):
                batch = idx[it:it + self.batch_size]
                X_batch, y_batch = x_train[batch], y_train[batch]
                caches = self._forward_layers(X_batch)
                probs = caches[-1]
                losses.append(0.5 * np.sum((probs - y_batch) ** 2, axis=1))
                accuracies.append(probs.argmax(axis=1) == y_batch.argmax(axis=1))
                grads_W, grads_b = self._backprop(caches, y_batch)
                for i, (dW, db) in enumerate(zip(grads_W, grads_b), start=1):
                    self.params[f"W{i}"] -= self.learning_rate * dW
                    self.params[f"b{i}"] -= self.learning_rate * db
            history["loss"].append(float(np.concatenate(losses).mean()))
            history["accuracy"].append(float(np.concatenate(accuracies).mean()))
            history["val_loss"].append(self.loss(x_val, y_val))
            history["val_accuracy"].append(self.compute_accuracy(x_val, y_val))
            bar.set_postfix(loss=history["loss"][-1], val_acc=history["val_accuracy"][-1])
            print(f"epoch {epoch + 1}: "
                  + ", ".join(f"{k} {v[-1]:.4f}" for k, v in history.items()))
        return history

    def predict(self, x):
        return np.argmax(self.forward(x), axis=1)

    def compute_accuracy(self, x, y):
        return float((self.predict(x) == np.argmax(y, axis=1)).mean())
