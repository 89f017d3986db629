# replaces: NetworkPyTorch
# why: the PyTorch tutorial idiom: nn.Sequential of nn.Linear (default init) and nn.Sigmoid,
# nn.CrossEntropyLoss on the logits, a shuffled DataLoader over a TensorDataset and a tqdm bar
# over its batches; the weights are exposed as the transposes of nn.Linear's
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from tqdm.auto import tqdm


class NetworkPyTorch:
    # (as released)
    def __init__(self, sizes, epochs=10, learning_rate=0.5, batch_size=64, seed=0):
        torch.manual_seed(seed)
        layers = []
        for n_in, n_out in zip(self.sizes[:-2], self.sizes[1:-1]):
            layers += [nn.Linear(n_in, n_out), nn.Sigmoid()]
        layers.append(nn.Linear(self.sizes[-2], self.sizes[-1]))
        self.model = nn.Sequential(*layers)
        self.criterion = nn.CrossEntropyLoss()
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=learning_rate)

    @property
    def linears(self):
        return [m for m in self.model if isinstance(m, nn.Linear)]

    @property
    def weights(self):
        return [m.weight.detach().T for m in self.linears]

    @property
    def biases(self):
        return [m.bias.detach() for m in self.linears]

    @staticmethod
    def _inputs(x):
        return torch.from_numpy(np.asarray(x, dtype=np.float32))

    @staticmethod
    def _labels(y):
        return torch.from_numpy(np.argmax(np.asarray(y), axis=1))

    def forward(self, x):
        self.model.eval()
        with torch.no_grad():
            return torch.softmax(self.model(self._inputs(x)), dim=1).numpy()

    def loss(self, x, y):
        with torch.no_grad():
            return self.criterion(self.model(self._inputs(x)), self._labels(y)).item()

    def gradients(self, x, y):
        loss = self.criterion(self.model(self._inputs(x)), self._labels(y))
        grads = torch.autograd.grad(loss, [p for m in self.linears for p in (m.weight, m.bias)])
        return [g.T.numpy() for g in grads[0::2]], [g.numpy() for g in grads[1::2]]

    def fit(self, x_train, y_train, x_val, y_val):
        loader = DataLoader(TensorDataset(self._inputs(x_train), self._labels(y_train)),
                            batch_size=self.batch_size, shuffle=True,
                            generator=torch.Generator().manual_seed(self.seed))
        history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
        for epoch in range(self.epochs):
            self.model.train()
            running_loss, correct, seen = 0.0, 0, 0
            for inputs, labels in tqdm(loader, desc=f"Epoch {epoch + 1}/{self.epochs}"):
                self.optimizer.zero_grad()
                outputs = self.model(inputs)
                loss = self.criterion(outputs, labels)
                loss.backward()
                self.optimizer.step()
                running_loss += loss.item() * len(labels)
                correct += (outputs.argmax(1) == labels).sum().item()
                seen += len(labels)
            history["loss"].append(running_loss / seen)
            history["accuracy"].append(correct / seen)
            history["val_loss"].append(self.loss(x_val, y_val))
            history["val_accuracy"].append(self.compute_accuracy(x_val, y_val))
            print(f"epoch {epoch + 1}: loss {history['loss'][-1]:.4f}, "
                  f"val_accuracy {history['val_accuracy'][-1]:.4f}")
        return history

    def predict(self, x):
        return np.argmax(self.forward(x), axis=1)

    def compute_accuracy(self, x, y):
        return float(np.mean(self.predict(x) == np.argmax(y, axis=1)))
