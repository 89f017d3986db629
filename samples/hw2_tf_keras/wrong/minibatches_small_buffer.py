# replaces: make_minibatches
# expect-fail: test_make_minibatches_shuffle
# why: a shuffle buffer of one batch only mixes neighbouring samples
def make_minibatches(inputs, targets, batch_size=100, shuffle=True, seed=0):
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets))
    if shuffle:
        dataset = dataset.shuffle(batch_size, seed=seed)
    return dataset.batch(batch_size)
