# replaces: train_model
# why: `from tqdm import tqdm` (not tqdm.auto), one bar over the epochs, a d2l-style
# accumulator of summed losses, and one printed line per epoch
from tqdm import tqdm


class Accumulator:
    """Sums n quantities (d2l.Accumulator)."""

    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def __getitem__(self, idx):
        return self.data[idx]


def train_model(model, train_loader, test_loader, epochs, lr):
    loss = torch.nn.CrossEntropyLoss(reduction="none")
    trainer = torch.optim.Adam(model.parameters(), lr=lr)
    history = {"train_loss": [], "test_loss": [], "test_accuracy": []}
    for epoch in tqdm(range(epochs), desc="training"):
        model.train()
        metric = Accumulator(2)  # summed loss, number of examples
        for X, y in train_loader:
            batch_loss = loss(model(X), y)
            trainer.zero_grad()
            batch_loss.mean().backward()
            trainer.step()
            metric.add(batch_loss.sum(), y.numel())
        model.eval()
        test_metric = Accumulator(3)  # summed loss, correct predictions, examples
        with torch.no_grad():
            for X, y in test_loader:
                y_hat = model(X)
                test_metric.add(loss(y_hat, y).sum(), (y_hat.argmax(axis=1) == y).sum(),
                                y.numel())
        history["train_loss"].append(metric[0] / metric[1])
        history["test_loss"].append(test_metric[0] / test_metric[2])
        history["test_accuracy"].append(test_metric[1] / test_metric[2])
        print(f"epoch {epoch + 1}, loss {history['train_loss'][-1]:.3f}, "
              f"test loss {history['test_loss'][-1]:.3f}, "
              f"test acc {history['test_accuracy'][-1]:.3f}")
    return history
