# replaces: train_epoch
# why: lets Keras run the loop: compile with the optimiser and the MSE, fit one epoch
def train_epoch(model, dataset, optimizer):
    model.compile(optimizer=optimizer, loss="mse")
    history = model.fit(dataset, epochs=1, verbose=0)
    return float(history.history["loss"][-1])
