# replaces: make_minibatches
# why: shuffles sample indices and gathers each batch from the arrays
def make_minibatches(inputs, targets, batch_size=100, shuffle=True, seed=0):
    x_all = tf.constant(inputs)
    y_all = tf.constant(targets)
    indices = tf.data.Dataset.range(len(inputs))
    if shuffle:
        indices = indices.shuffle(len(inputs), seed=seed, reshuffle_each_iteration=True)
    return indices.batch(batch_size).map(lambda i: (tf.gather(x_all, i), tf.gather(y_all, i)))
