# replaces: train
# why: Keras-style progress lines ("Epoch 1/2000 - loss: ...") on stdout, every 250 epochs and
# at the last one
def train(X, Y, n_h, lr, epochs, seed):
    params = init_params(X.shape[0], n_h, 1, seed)
    history = {"loss": []}
    for epoch in range(1, epochs + 1):
        y_hat, cache = forward_propagation(X, params)
        history["loss"].append(compute_bce(y_hat, Y))
        grads = backward_propagation(params, cache, X, Y)
        params = {name: value - lr * grads[f"d{name}"] for name, value in params.items()}
        if epoch == 1 or epoch % 250 == 0 or epoch == epochs:
            print(f"Epoch {epoch}/{epochs} - loss: {history['loss'][-1]:.4f}")
    return params, history["loss"]
