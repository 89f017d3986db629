# replaces: TFMLP
# expect-fail: test_tfmlp_forward
# why: applies ReLU after every layer, the output layer included
class TFMLP(tf.Module):
    def __init__(self, n_inputs=10, hidden=(50, 50), n_outputs=2, seed=0):
        super().__init__()
        widths = [n_inputs, *hidden, n_outputs]
        self.kernels, self.biases = [], []
        for i, (a, b) in enumerate(zip(widths[:-1], widths[1:])):
            w0 = tf.random.stateless_normal((a, b), seed=[seed, i]) * np.sqrt(2.0 / a)
            self.kernels.append(tf.Variable(w0))
            self.biases.append(tf.Variable(tf.zeros([b])))

    def __call__(self, x):
        h = tf.convert_to_tensor(x, tf.float32)
        for W, b in zip(self.kernels, self.biases):
            h = tf.nn.relu(tf.matmul(h, W) + b)
        return h
