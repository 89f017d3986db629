# replaces: measure_epoch_seconds
# expect-fail: test_measure_epoch_seconds
# why: times the epochs with the tqdm bar over the repeats and returns the bar's elapsed time,
# which is the total of all repeats (plus the set-up), not one epoch
from tqdm.auto import tqdm


def measure_epoch_seconds(n_inputs, hidden, n_outputs, n_samples, batch_size=32, repeats=3):
    widths = [n_inputs, *hidden, n_outputs]
    layers = []
    for n_in, n_out in zip(widths[:-1], widths[1:]):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    X, Y = torch.randn(n_samples, n_inputs), torch.randn(n_samples, n_outputs)
    progress = tqdm(range(repeats), desc="epochs")
    for _ in progress:
        for i in range(0, n_samples, batch_size):
            optimizer.zero_grad()
            torch.nn.functional.mse_loss(model(X[i:i + batch_size]), Y[i:i + batch_size]).backward()
            optimizer.step()
    seconds = progress.format_dict["elapsed"]
    progress.close()
    return seconds
