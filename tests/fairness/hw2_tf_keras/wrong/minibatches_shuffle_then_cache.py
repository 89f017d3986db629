# replaces: make_minibatches
# expect-fail: test_make_minibatches_shuffle
# why: cache() after shuffle() stores the first epoch's order, so every later epoch
# repeats it instead of reshuffling
def make_minibatches(inputs, targets, batch_size=100, shuffle=True, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((inputs, targets))
    if shuffle:
        ds = ds.shuffle(len(inputs), seed=seed, reshuffle_each_iteration=True)
    return ds.cache().batch(batch_size).prefetch(tf.data.AUTOTUNE)
