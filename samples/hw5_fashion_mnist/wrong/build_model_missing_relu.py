# replaces: build_model
# expect-fail: test_build_model
# why: no ReLU between the 256- and the 128-unit layers, which then collapse into one
# linear map
def build_model():
    return torch.nn.Sequential(
        torch.nn.Flatten(),
        torch.nn.Linear(784, 256),
        torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 10),
    )
