# replaces: build_model
# expect-fail: test_build_model
# why: the hidden layers in the other order, 784-64-128-256-10
def build_model():
    return torch.nn.Sequential(
        torch.nn.Flatten(),
        torch.nn.Linear(784, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 10),
    )
