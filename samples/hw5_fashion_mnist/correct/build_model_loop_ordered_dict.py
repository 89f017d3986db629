# replaces: build_model
# why: the Sequential built in a loop from the widths, with named layers
from collections import OrderedDict


def build_model():
    widths = [784, 256, 128, 64, 10]
    layers = [("flatten", torch.nn.Flatten())]
    for i, (n_in, n_out) in enumerate(zip(widths[:-1], widths[1:])):
        layers.append((f"linear{i}", torch.nn.Linear(n_in, n_out)))
        if i < len(widths) - 2:
            layers.append((f"relu{i}", torch.nn.ReLU(inplace=True)))
    return torch.nn.Sequential(OrderedDict(layers))
