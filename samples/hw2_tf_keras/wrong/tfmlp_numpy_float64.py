# replaces: TFMLP
# expect-fail: test_tfmlp_structure test_tfmlp_forward
# why: variables from NumPy arrays are float64, so float32 inputs cannot be multiplied
class TFMLP(tf.Module):
    def __init__(self, n_inputs=10, hidden=(50, 50), n_outputs=2, seed=0):
        super().__init__()
        rng = np.random.default_rng(seed)
        widths = [n_inputs, *hidden, n_outputs]
        self.kernels = [tf.Variable(rng.normal(scale=np.sqrt(2 / a), size=(a, b)))
                        for a, b in zip(widths[:-1], widths[1:])]
        self.biases = [tf.Variable(np.zeros(b)) for b in widths[1:]]

    def __call__(self, x):
        h = tf.convert_to_tensor(x)
        for i, (W, b) in enumerate(zip(self.kernels, self.biases)):
            h = tf.matmul(h, W) + b
            if i < len(self.kernels) - 1:
                h = tf.nn.relu(h)
        return h
