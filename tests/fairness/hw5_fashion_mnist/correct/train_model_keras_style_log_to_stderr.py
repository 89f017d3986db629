# replaces: train_model
# why: a Keras-like fit loop that logs "Epoch 1/2 - loss: ... - val_loss: ..." to
# sys.stderr, as logging handlers do, with torch.nn.functional and torch.inference_mode
import sys

import torch.nn.functional as F


def train_model(model, train_loader, test_loader, epochs, lr):
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.0)
    history = {"train_loss": [], "test_loss": [], "test_accuracy": []}
    for epoch in range(1, epochs + 1):
        model.train()
        batch_losses = []
        for x, y in train_loader:
            optimizer.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            batch_losses.append(loss.item())
        model.eval()
        losses, hits, seen = 0.0, 0, 0
        with torch.inference_mode():
            for x, y in test_loader:
                logits = model(x)
                losses += F.cross_entropy(logits, y, reduction="sum").item()
                hits += (logits.argmax(-1) == y).sum().item()
                seen += len(y)
        history["train_loss"].append(sum(batch_losses) / len(batch_losses))
        history["test_loss"].append(losses / seen)
        history["test_accuracy"].append(hits / seen)
        print(f"Epoch {epoch}/{epochs} - loss: {history['train_loss'][-1]:.4f} - "
              f"val_loss: {history['test_loss'][-1]:.4f} - "
              f"val_accuracy: {history['test_accuracy'][-1]:.4f}", file=sys.stderr)
    return history
