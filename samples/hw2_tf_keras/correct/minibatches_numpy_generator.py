# replaces: make_minibatches
# why: a generator that draws a NumPy permutation per epoch from a generator seeded once
def make_minibatches(inputs, targets, batch_size=100, shuffle=True, seed=0):
    inputs, targets = np.asarray(inputs), np.asarray(targets)
    rng = np.random.default_rng(seed)

    def batches():
        order = rng.permutation(len(inputs)) if shuffle else np.arange(len(inputs))
        for start in range(0, len(order), batch_size):
            chosen = order[start:start + batch_size]
            yield inputs[chosen], targets[chosen]

    signature = (tf.TensorSpec((None, *inputs.shape[1:]), tf.as_dtype(inputs.dtype)),
                 tf.TensorSpec((None, *targets.shape[1:]), tf.as_dtype(targets.dtype)))
    return tf.data.Dataset.from_generator(batches, output_signature=signature)
