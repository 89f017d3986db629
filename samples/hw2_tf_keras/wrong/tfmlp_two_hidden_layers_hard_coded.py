# replaces: TFMLP
# expect-fail: test_tfmlp_structure test_tfmlp_forward
# why: hard-codes exactly two hidden layers from hidden[0] and hidden[1]
class TFMLP(tf.Module):
    def __init__(self, n_inputs=10, hidden=(50, 50), n_outputs=2, seed=0):
        super().__init__()
        g = tf.random.Generator.from_seed(seed)
        h1, h2 = hidden[0], hidden[-1]
        self.W1 = tf.Variable(g.normal((n_inputs, h1)) * np.sqrt(2.0 / n_inputs))
        self.b1 = tf.Variable(tf.zeros([h1]))
        self.W2 = tf.Variable(g.normal((h1, h2)) * np.sqrt(2.0 / h1))
        self.b2 = tf.Variable(tf.zeros([h2]))
        self.W3 = tf.Variable(g.normal((h2, n_outputs)) * np.sqrt(2.0 / h2))
        self.b3 = tf.Variable(tf.zeros([n_outputs]))

    def __call__(self, x):
        x = tf.convert_to_tensor(x, tf.float32)
        h = tf.nn.relu(tf.matmul(x, self.W1) + self.b1)
        h = tf.nn.relu(tf.matmul(h, self.W2) + self.b2)
        return tf.matmul(h, self.W3) + self.b3
