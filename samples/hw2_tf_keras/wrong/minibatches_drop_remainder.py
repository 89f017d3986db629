# replaces: make_minibatches
# expect-fail: test_make_minibatches_batches
# why: drop_remainder=True silently loses the last, partial batch
def make_minibatches(inputs, targets, batch_size=100, shuffle=True, seed=0):
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets))
    if shuffle:
        dataset = dataset.shuffle(len(inputs), seed=seed)
    return dataset.batch(batch_size, drop_remainder=True)
