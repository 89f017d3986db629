# replaces: train_model
# why: the usual PyTorch tutorial loop: `from tqdm.auto import tqdm`, a bar over the batches
# with the running loss as postfix, train loss as the mean of the batch losses, test loss
# as the mean over the (equal-sized) test batches
import torch.nn as nn
from tqdm.auto import tqdm


def train_model(model, train_loader, test_loader, epochs, lr):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    history = {"train_loss": [], "test_loss": [], "test_accuracy": []}
    for epoch in range(epochs):
        model.train()
        running_loss = 0.0
        pbar = tqdm(train_loader, desc=f"Epoch {epoch + 1}/{epochs}")
        for images, labels in pbar:
            optimizer.zero_grad()
            outputs = model(images)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            pbar.set_postfix(loss=f"{loss.item():.4f}")
        history["train_loss"].append(running_loss / len(train_loader))

        model.eval()
        test_loss, correct, total = 0.0, 0, 0
        with torch.no_grad():
            for images, labels in test_loader:
                outputs = model(images)
                test_loss += criterion(outputs, labels).item()
                _, predicted = torch.max(outputs, 1)
                total += labels.size(0)
                correct += (predicted == labels).sum().item()
        history["test_loss"].append(test_loss / len(test_loader))
        history["test_accuracy"].append(correct / total)
    return history
