# replaces: predict_proba
# why: F.softmax under torch.inference_mode, from_numpy for arrays, detach().cpu().numpy()
def predict_proba(model, images):
    if isinstance(images, np.ndarray):
        images = torch.from_numpy(images.astype(np.float32))
    model.eval()
    with torch.inference_mode():
        probs = torch.nn.functional.softmax(model(images.float()), dim=-1)
    return probs.detach().cpu().numpy()
