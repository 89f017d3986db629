# replaces: make_minibatches
# expect-fail: test_make_minibatches_shuffle
# why: batches first and shuffles the batches, so every batch always holds the same samples
def make_minibatches(inputs, targets, batch_size=100, shuffle=True, seed=0):
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).batch(batch_size)
    if shuffle:
        dataset = dataset.shuffle(len(inputs), seed=seed)
    return dataset
