# replaces: mlp_parameter_count
# why: PyTorch idiom: build the layers and count the elements of model.parameters()
def mlp_parameter_count(n_inputs, hidden, n_outputs):
    sizes = [n_inputs, *hidden, n_outputs]
    model = torch.nn.Sequential(*(torch.nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])))
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
