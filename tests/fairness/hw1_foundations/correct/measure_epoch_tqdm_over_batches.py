# replaces: measure_epoch_seconds
# why: `from tqdm import tqdm` around the mini-batches of every epoch (leave=False), inside the
# timed part, with the loss as postfix: the bar's own cost is part of each epoch, and stderr
# gets one bar per repeat
from tqdm import tqdm


def measure_epoch_seconds(n_inputs, hidden, n_outputs, n_samples, batch_size=32, repeats=3):
    widths = [n_inputs, *hidden, n_outputs]
    layers = []
    for n_in, n_out in zip(widths[:-1], widths[1:]):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    dataset = torch.utils.data.TensorDataset(torch.randn(n_samples, n_inputs),
                                             torch.randn(n_samples, n_outputs))
    loader = torch.utils.data.DataLoader(dataset, batch_size=batch_size, shuffle=True)
    best = float("inf")
    for repeat in range(repeats):
        start = time.perf_counter()
        with tqdm(loader, desc=f"epoch {repeat + 1}/{repeats}", leave=False) as batches:
            for x, y in batches:
                optimizer.zero_grad()
                loss = torch.nn.functional.mse_loss(model(x), y)
                loss.backward()
                optimizer.step()
                batches.set_postfix(loss=loss.item())
        best = min(best, time.perf_counter() - start)
    return best
