# replaces: train_model
# why: AdamW with a one-cycle learning-rate schedule peaking at lr, as numpy arrays history
def train_model(model, train_loader, test_loader, epochs, lr):
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=lr, total_steps=epochs * len(train_loader))
    train_loss, test_loss, test_accuracy = [], [], []
    for epoch in range(epochs):
        model.train()
        batch_losses, batch_sizes = [], []
        for images, labels in tqdm(train_loader, desc=f"epoch {epoch + 1}/{epochs}"):
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(images), labels)
            loss.backward()
            optimizer.step()
            schedule.step()
            batch_losses.append(loss.item())
            batch_sizes.append(len(labels))
        train_loss.append(np.average(batch_losses, weights=batch_sizes))
        model.eval()
        with torch.no_grad():
            all_logits = torch.cat([model(images) for images, _ in test_loader])
            all_labels = torch.cat([labels for _, labels in test_loader])
        test_loss.append(loss_fn(all_logits, all_labels).item())
        test_accuracy.append((all_logits.argmax(1) == all_labels).float().mean().item())
        print(f"epoch {epoch + 1}: {train_loss[-1]:.3f} {test_loss[-1]:.3f} "
              f"{test_accuracy[-1]:.3f}")
    return {"train_loss": np.array(train_loss), "test_loss": np.array(test_loss),
            "test_accuracy": np.array(test_accuracy)}
