# replaces: make_minibatches
# expect-fail: test_make_minibatches_shuffle
# why: shuffles without the seed, so the same seed does not give the same epochs
def make_minibatches(inputs, targets, batch_size=100, shuffle=True, seed=0):
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets))
    if shuffle:
        dataset = dataset.shuffle(buffer_size=len(inputs))
    return dataset.batch(batch_size)
