# replaces: TFMLP
# why: one tf.Module per layer, weights stored as (n_out, n_in), biases as (1, n_out), Glorot init
class _DenseLayer(tf.Module):
    def __init__(self, n_in, n_out, generator, relu, name=None):
        super().__init__(name=name)
        limit = np.sqrt(6.0 / (n_in + n_out))
        self.w = tf.Variable(generator.uniform((n_out, n_in), -limit, limit), name="w")
        self.b = tf.Variable(tf.zeros((1, n_out)), name="b")
        self.relu = relu

    def __call__(self, x):
        z = tf.matmul(x, self.w, transpose_b=True) + self.b
        return tf.nn.relu(z) if self.relu else z


class TFMLP(tf.Module):
    def __init__(self, n_inputs=10, hidden=(50, 50), n_outputs=2, seed=0):
        super().__init__()
        generator = tf.random.Generator.from_seed(seed)
        widths = [n_inputs, *hidden, n_outputs]
        self.layers = [
            _DenseLayer(a, b, generator, relu=(i < len(widths) - 2), name=f"layer{i}")
            for i, (a, b) in enumerate(zip(widths[:-1], widths[1:]))
        ]

    def __call__(self, x):
        h = tf.cast(x, tf.float32)
        for layer in self.layers:
            h = layer(h)
        return h
