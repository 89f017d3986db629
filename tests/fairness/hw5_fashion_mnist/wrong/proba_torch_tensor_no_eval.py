# replaces: predict_proba
# expect-fail: test_predict_proba
# why: torch.tensor(images) (which warns on a tensor) and no model.eval(): dropout stays
# active and the probabilities are random
def predict_proba(model, images):
    with torch.no_grad():
        logits = model(torch.tensor(images, dtype=torch.float32))
    return torch.softmax(logits, dim=1).numpy()
