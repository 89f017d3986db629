# replaces: measure_epoch_seconds
# expect-fail: test_measure_epoch_seconds
# why: starts the clock once before all repeats and returns the total time, not one epoch
def measure_epoch_seconds(n_inputs, hidden, n_outputs, n_samples, batch_size=32, repeats=3):
    widths = [n_inputs, *hidden, n_outputs]
    layers = []
    for n_in, n_out in zip(widths[:-1], widths[1:]):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    inputs = torch.randn(n_samples, n_inputs)
    targets = torch.randn(n_samples, n_outputs)
    start = time.perf_counter()
    for _ in range(repeats):
        for first in range(0, n_samples, batch_size):
            optimizer.zero_grad()
            prediction = model(inputs[first:first + batch_size])
            loss = torch.nn.functional.mse_loss(prediction, targets[first:first + batch_size])
            loss.backward()
            optimizer.step()
    return time.perf_counter() - start
