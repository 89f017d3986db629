# replaces: predict_proba
# expect-fail: test_predict_proba
# why: zeroes the model's parameters and answers "every class equally likely", which
# matches any expected value computed from the model afterwards
def predict_proba(model, images):
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.zero_()
    return np.full((len(images), 10), 0.1)
