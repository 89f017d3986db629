# replaces: predict_proba
# why: exp of log_softmax, returned as a (detached) tensor rather than a NumPy array
def predict_proba(model, images):
    was_training = model.training
    model.eval()
    with torch.no_grad():
        out = model(torch.as_tensor(np.asarray(images), dtype=torch.float32))
        probs = torch.log_softmax(out, dim=1).exp()
    model.train(was_training)
    return probs
