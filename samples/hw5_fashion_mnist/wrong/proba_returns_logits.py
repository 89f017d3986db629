# replaces: predict_proba
# expect-fail: test_predict_proba
# why: returns the model's logits; the softmax is missing
def predict_proba(model, images):
    model.eval()
    with torch.no_grad():
        return model(torch.as_tensor(images, dtype=torch.float32)).numpy()
