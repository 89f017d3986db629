# replaces: build_model
# why: the layers built from a list of sizes, Flatten(start_dim=1) spelled out, ReLU in
# place, and the last ReLU left out by slicing
def build_model(sizes=(784, 256, 128, 64, 10)):
    layers = [torch.nn.Flatten(start_dim=1)]
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU(inplace=True)]
    return torch.nn.Sequential(*layers[:-1])
