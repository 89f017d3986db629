# replaces: measure_epoch_seconds
# why: a DataLoader, a hand-written SGD update and the median of the repeats instead of the minimum
def measure_epoch_seconds(n_inputs, hidden, n_outputs, n_samples, batch_size=32, repeats=3):
    generator = torch.Generator().manual_seed(1)
    widths = [n_inputs, *hidden, n_outputs]
    modules = []
    for i, (n_in, n_out) in enumerate(zip(widths[:-1], widths[1:])):
        if i > 0:
            modules.append(torch.nn.ReLU())
        modules.append(torch.nn.Linear(n_in, n_out))
    model = torch.nn.Sequential(*modules)
    data = torch.utils.data.TensorDataset(
        torch.randn(n_samples, n_inputs, generator=generator),
        torch.randn(n_samples, n_outputs, generator=generator),
    )
    loader = torch.utils.data.DataLoader(data, batch_size=batch_size, shuffle=False)
    durations = []
    for _ in range(repeats):
        tic = time.perf_counter()
        for x, y in loader:
            loss = ((model(x) - y) ** 2).mean()
            model.zero_grad()
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    p -= 0.01 * p.grad
        durations.append(time.perf_counter() - tic)
    return float(np.median(durations))
