# replaces: measure_epoch_seconds
# expect-fail: test_measure_epoch_seconds
# why: returns a plausible-looking constant instead of timing anything
def measure_epoch_seconds(n_inputs, hidden, n_outputs, n_samples, batch_size=32, repeats=3):
    # an epoch of a small network takes about 10 ms on my laptop
    return 0.01
