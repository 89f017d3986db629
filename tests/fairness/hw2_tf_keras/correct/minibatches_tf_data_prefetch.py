# replaces: make_minibatches
# why: the tf.data pipeline as the TensorFlow guides write it: shuffle with a full buffer,
# a seed and reshuffle_each_iteration=True, then batch, then prefetch(AUTOTUNE)
def make_minibatches(inputs, targets, batch_size=100, shuffle=True, seed=0):
    ds = tf.data.Dataset.from_tensor_slices((inputs, targets))
    if shuffle:
        ds = ds.shuffle(buffer_size=len(inputs), seed=seed, reshuffle_each_iteration=True)
    return ds.batch(batch_size, drop_remainder=False).prefetch(tf.data.AUTOTUNE)
