# replaces: TFMLP
# expect-fail: test_tfmlp_structure
# why: draws the weights with tf.random.normal without using seed, so two TFMLP(seed=7) differ
class TFMLP(tf.Module):
    def __init__(self, n_inputs=10, hidden=(50, 50), n_outputs=2, seed=0):
        super().__init__()
        widths = [n_inputs, *hidden, n_outputs]
        self.kernels, self.biases = [], []
        for a, b in zip(widths[:-1], widths[1:]):
            self.kernels.append(tf.Variable(tf.random.normal((a, b), stddev=np.sqrt(2.0 / a))))
            self.biases.append(tf.Variable(tf.zeros([b])))

    def __call__(self, x):
        h = tf.convert_to_tensor(x, tf.float32)
        for i, (W, b) in enumerate(zip(self.kernels, self.biases)):
            h = tf.matmul(h, W) + b
            if i < len(self.kernels) - 1:
                h = tf.nn.relu(h)
        return h
