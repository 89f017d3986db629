# replaces: TFMLP
# why: NumPy initial values cast to float32, small random biases, attributes sorted unlike layers
class TFMLP(tf.Module):
    def __init__(self, n_inputs=10, hidden=(50, 50), n_outputs=2, seed=0):
        super().__init__()
        rng = np.random.default_rng(seed)
        widths = [n_inputs, *hidden, n_outputs]
        self.z_weights = []
        self.a_offsets = []
        for a, b in zip(widths[:-1], widths[1:]):
            self.z_weights.append(tf.Variable(
                rng.normal(0.0, np.sqrt(2.0 / a), size=(a, b)).astype(np.float32)))
            self.a_offsets.append(tf.Variable(rng.normal(0.0, 0.01, size=b).astype(np.float32)))

    def __call__(self, x):
        h = tf.convert_to_tensor(x, dtype=tf.float32)
        for W, b in zip(self.z_weights[:-1], self.a_offsets[:-1]):
            h = tf.nn.relu(h @ W + b)
        return h @ self.z_weights[-1] + self.a_offsets[-1]
