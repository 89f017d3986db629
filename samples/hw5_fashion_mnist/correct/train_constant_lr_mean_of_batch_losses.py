# replaces: train_model
# why: Adam at a constant learning rate (no schedule), the training loss of an epoch as the
# mean of its batch losses (the mean per sample when the batches are of equal size), and a
# plain tqdm bar
def train_model(model, train_loader, test_loader, epochs, lr):
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    history = {"train_loss": [], "test_loss": [], "test_accuracy": []}
    for epoch in range(epochs):
        model.train()
        losses = []
        for images, labels in tqdm(train_loader, leave=False):
            optimizer.zero_grad()
            loss = loss_fn(model(images), labels)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        history["train_loss"].append(float(np.mean(losses)))
        model.eval()
        total, correct, count = 0.0, 0, 0
        with torch.no_grad():
            for images, labels in test_loader:
                logits = model(images)
                total += loss_fn(logits, labels).item() * len(labels)
                correct += (logits.argmax(1) == labels).sum().item()
                count += len(labels)
        history["test_loss"].append(total / count)
        history["test_accuracy"].append(correct / count)
        print(f"epoch {epoch + 1}: test accuracy {correct / count:.4f}")
    return history
