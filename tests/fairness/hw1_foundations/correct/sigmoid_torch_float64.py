# replaces: sigmoid
# why: PyTorch's stable torch.sigmoid in float64, back to NumPy
def sigmoid(x):
    return torch.sigmoid(torch.as_tensor(x, dtype=torch.float64)).numpy()
