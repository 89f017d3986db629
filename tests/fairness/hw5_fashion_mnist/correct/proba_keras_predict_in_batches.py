# replaces: predict_proba
# why: like Keras' model.predict: in batches of 256 under torch.inference_mode, the
# batches' probabilities concatenated with np.concatenate
def predict_proba(model, images, batch_size=256):
    model.eval()
    images = torch.as_tensor(images).float()
    outputs = []
    with torch.inference_mode():
        for start in range(0, len(images), batch_size):
            logits = model(images[start:start + batch_size])
            outputs.append(torch.softmax(logits, dim=-1).cpu().numpy())
    return np.concatenate(outputs, axis=0)
