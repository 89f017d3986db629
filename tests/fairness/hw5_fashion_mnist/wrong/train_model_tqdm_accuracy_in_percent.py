# replaces: train_model
# expect-fail: test_train_model
# why: a tutorial loop with a tqdm bar that records the accuracy in percent (100 * correct
# / total) although the statement asks for a fraction between 0 and 1
from tqdm.auto import tqdm


def train_model(model, train_loader, test_loader, epochs, lr):
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    history = {"train_loss": [], "test_loss": [], "test_accuracy": []}
    for epoch in range(epochs):
        model.train()
        running_loss = 0.0
        for images, labels in tqdm(train_loader, desc=f"Epoch {epoch + 1}"):
            optimizer.zero_grad()
            loss = criterion(model(images), labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
        model.eval()
        test_loss, correct, total = 0.0, 0, 0
        with torch.no_grad():
            for images, labels in test_loader:
                outputs = model(images)
                test_loss += criterion(outputs, labels).item() * labels.size(0)
                correct += (outputs.argmax(1) == labels).sum().item()
                total += labels.size(0)
        history["train_loss"].append(running_loss / len(train_loader))
        history["test_loss"].append(test_loss / total)
        history["test_accuracy"].append(100.0 * correct / total)
        print(f"Epoch {epoch + 1}: accuracy {history['test_accuracy'][-1]:.2f}%")
    return history
