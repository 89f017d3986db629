# replaces: train_model
# expect-fail: test_train_model
# why: applies softmax to the logits before CrossEntropyLoss, which applies log-softmax
# itself: the loss values are wrong and the gradients much weaker
def train_model(model, train_loader, test_loader, epochs, lr):
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    history = {"train_loss": [], "test_loss": [], "test_accuracy": []}
    for epoch in range(epochs):
        model.train()
        losses = []
        for images, labels in tqdm(train_loader, leave=False):
            optimizer.zero_grad()
            loss = loss_fn(torch.softmax(model(images), dim=1), labels)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        history["train_loss"].append(float(np.mean(losses)))
        model.eval()
        total, correct, count = 0.0, 0, 0
        with torch.no_grad():
            for images, labels in test_loader:
                probs = torch.softmax(model(images), dim=1)
                total += loss_fn(probs, labels).item() * len(labels)
                correct += (probs.argmax(1) == labels).sum().item()
                count += len(labels)
        history["test_loss"].append(total / count)
        history["test_accuracy"].append(correct / count)
        print(f"epoch {epoch + 1}: test accuracy {correct / count:.4f}")
    return history
