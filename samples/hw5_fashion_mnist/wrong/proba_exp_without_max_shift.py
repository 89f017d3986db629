# replaces: predict_proba
# expect-fail: test_predict_proba
# why: a hand-written softmax exp(s) / sum exp(s) overflows to inf/inf = NaN for large logits
def predict_proba(model, images):
    model.eval()
    with torch.no_grad():
        e = torch.exp(model(torch.as_tensor(images, dtype=torch.float32)))
        return (e / e.sum(dim=1, keepdim=True)).numpy()
