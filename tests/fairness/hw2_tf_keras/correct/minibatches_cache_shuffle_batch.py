# replaces: make_minibatches
# why: the "cache, shuffle, batch, prefetch" order of the tf.data performance guide, with
# the shuffle's default reshuffling
def make_minibatches(inputs, targets, batch_size=100, shuffle=True, seed=0):
    dataset = tf.data.Dataset.from_tensor_slices((inputs, targets)).cache()
    if shuffle:
        dataset = dataset.shuffle(dataset.cardinality(), seed=seed)
    return dataset.batch(batch_size).prefetch(buffer_size=tf.data.AUTOTUNE)
