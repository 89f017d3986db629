# replaces: build_model
# expect-fail: test_build_model
# in-sample: yes
# why: ends with a softmax although CrossEntropyLoss expects logits (it applies
# log-softmax itself), so the softmax is applied twice
def build_model():
    return torch.nn.Sequential(
        torch.nn.Flatten(),
        torch.nn.Linear(784, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 10), torch.nn.Softmax(dim=1),
    )
