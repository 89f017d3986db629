# replaces: train_model
# expect-fail: test_train_model
# why: adds up the mean losses of the test batches instead of averaging over the samples
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
        test_loss, correct, count = 0.0, 0, 0
        with torch.no_grad():
            for images, labels in test_loader:
                logits = model(images)
                test_loss += loss_fn(logits, labels).item()
                correct += (logits.argmax(1) == labels).sum().item()
                count += len(labels)
        history["test_loss"].append(test_loss)
        history["test_accuracy"].append(correct / count)
        print(f"epoch {epoch + 1}: test loss {test_loss:.4f}")
    return history
