# replaces: measure_epoch_seconds
# why: a tqdm.auto progress bar over the repeats with the last epoch's time as its postfix
# (tqdm writes to stderr, or shows a widget in a notebook); the bar is outside the timed part
from tqdm.auto import tqdm


def measure_epoch_seconds(n_inputs, hidden, n_outputs, n_samples, batch_size=32, repeats=3):
    torch.manual_seed(0)
    sizes = [n_inputs, *hidden, n_outputs]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    criterion = torch.nn.MSELoss()
    X = torch.randn(n_samples, n_inputs)
    Y = torch.randn(n_samples, n_outputs)
    epoch_times = []
    progress = tqdm(range(repeats), desc="timing", unit="epoch")
    for _ in progress:
        start = time.perf_counter()
        for i in range(0, n_samples, batch_size):
            optimizer.zero_grad()
            loss = criterion(model(X[i:i + batch_size]), Y[i:i + batch_size])
            loss.backward()
            optimizer.step()
        epoch_times.append(time.perf_counter() - start)
        progress.set_postfix(seconds=f"{epoch_times[-1]:.4f}")
    return min(epoch_times)
