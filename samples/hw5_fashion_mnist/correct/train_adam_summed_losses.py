# replaces: train_model
# why: plain Adam without a schedule; sums per-sample losses with reduction="sum"
def train_model(model, train_loader, test_loader, epochs, lr):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    history = {"train_loss": [], "test_loss": [], "test_accuracy": []}
    for epoch in range(epochs):
        model.train()
        running, seen = 0.0, 0
        for images, labels in tqdm(train_loader, desc=f"epoch {epoch + 1}"):
            logits = model(images)
            loss = torch.nn.functional.cross_entropy(logits, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            running += torch.nn.functional.cross_entropy(logits.detach(), labels,
                                                         reduction="sum").item()
            seen += labels.numel()
        model.eval()
        summed, correct, n = 0.0, 0, 0
        with torch.inference_mode():
            for images, labels in test_loader:
                logits = model(images)
                summed += torch.nn.functional.cross_entropy(logits, labels, reduction="sum").item()
                correct += int((logits.argmax(dim=1) == labels).sum())
                n += labels.numel()
        history["train_loss"].append(running / seen)
        history["test_loss"].append(summed / n)
        history["test_accuracy"].append(correct / n)
        print(epoch + 1, history["train_loss"][-1], history["test_loss"][-1], correct / n)
    return history
