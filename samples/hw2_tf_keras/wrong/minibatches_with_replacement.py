# replaces: make_minibatches
# expect-fail: test_make_minibatches_batches test_make_minibatches_shuffle
# why: draws indices with replacement: samples repeat or go missing, and the order never changes
def make_minibatches(inputs, targets, batch_size=100, shuffle=True, seed=0):
    n = len(inputs)
    index = np.random.default_rng(seed).integers(0, n, size=n) if shuffle else np.arange(n)
    return tf.data.Dataset.from_tensor_slices((inputs[index], targets[index])).batch(batch_size)
