# replaces: predict_proba
# expect-fail: test_predict_proba
# why: never switches the model to evaluation mode, so dropout stays active at prediction
def predict_proba(model, images):
    with torch.no_grad():
        return torch.softmax(model(torch.as_tensor(images, dtype=torch.float32)), dim=1).numpy()
