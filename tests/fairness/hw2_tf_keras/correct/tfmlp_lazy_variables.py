# replaces: TFMLP
# why: the TensorFlow guide's "wait to create variables" pattern: the variables are made on
# the first call, from a generator seeded once, so the module has none before it is called
class TFMLP(tf.Module):
    def __init__(self, n_inputs=10, hidden=(50, 50), n_outputs=2, seed=0, name=None):
        super().__init__(name=name)
        self.widths = [n_inputs, *hidden, n_outputs]
        self.seed = seed
        self.is_built = False

    def _build(self):
        generator = tf.random.Generator.from_seed(self.seed)
        self.kernels, self.biases = [], []
        for n_in, n_out in zip(self.widths[:-1], self.widths[1:]):
            self.kernels.append(tf.Variable(
                generator.normal((n_in, n_out), stddev=tf.sqrt(2.0 / n_in)), name="w"))
            self.biases.append(tf.Variable(tf.zeros([n_out]), name="b"))
        self.is_built = True

    def __call__(self, x):
        if not self.is_built:
            self._build()
        x = tf.cast(x, tf.float32)
        for i, (w, b) in enumerate(zip(self.kernels, self.biases)):
            x = tf.matmul(x, w) + b
            if i < len(self.kernels) - 1:
                x = tf.nn.relu(x)
        return x
