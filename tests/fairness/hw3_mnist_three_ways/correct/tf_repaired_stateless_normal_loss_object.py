# replaces: NetworkTensorFlow
# why: other repairs: tf.random.stateless_normal weights, the Keras CategoricalCrossentropy
# object on probabilities (it reduces to the batch mean itself), the loss in the tape
import keras
import numpy as np
import tensorflow as tf


class NetworkTensorFlow:
    """Fully connected network in TensorFlow: sigmoid hidden layers, softmax output."""

    def __init__(self, sizes, epochs=5, learning_rate=0.5, batch_size=64, seed=0):
        self.sizes = list(sizes)
        self.epochs = epochs
        self.batch_size = batch_size
        self.seed = seed
        layers = list(enumerate(zip(self.sizes[:-1], self.sizes[1:])))
        self.weights = []
        for k, (n_in, n_out) in layers:
            # fixed: small random weights (a stateless op, seeded per layer)
            initial = tf.random.stateless_normal((n_in, n_out), seed=[seed, k], stddev=0.05)
            self.weights.append(tf.Variable(initial, name=f"W{k}"))
        self.biases = [tf.Variable(tf.zeros((n_out,)), name=f"b{k}") for k, (_, n_out) in layers]
        self.optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
        self.shuffle_rng = np.random.default_rng(seed)

    def logits(self, x):
        """Inputs of the softmax, a tensor of shape (n, K)."""
        a = tf.convert_to_tensor(x, dtype=tf.float32)
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            a = tf.sigmoid(tf.matmul(a, W) + b)
        return tf.matmul(a, self.weights[-1]) + self.biases[-1]

    def forward(self, x):
        """Class probabilities, a NumPy array of shape (n, K)."""
        return tf.nn.softmax(self.logits(x)).numpy()

    def loss(self, x, y):
        """Batch-mean cross-entropy (a scalar tensor)."""
        y = tf.convert_to_tensor(y, dtype=tf.float32)
        # fixed: probabilities in, from_logits=False, through the Keras loss object
        probabilities = tf.nn.softmax(self.logits(x))
        return keras.losses.CategoricalCrossentropy(from_logits=False)(y, probabilities)

    def gradients(self, x, y):
        """(dW, db): gradients of the batch-mean loss, lists of tensors."""
        with tf.GradientTape() as tape:
            loss = self.loss(x, y)  # fixed: computed inside the tape
        dW, db = tape.gradient(loss, [self.weights, self.biases])
        return dW, db

    def train_step(self, x, y):
        """One SGD step on the batch (x, y)."""
        dW, db = self.gradients(x, y)
        self.optimizer.apply_gradients(zip(dW + db, self.weights + self.biases))

    def fit(self, x_train, y_train, x_val, y_val):
        """Mini-batch SGD for self.epochs epochs; returns the history dict."""
        history = {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []}
        x_train = np.asarray(x_train, dtype=np.float32)
        y_train = np.asarray(y_train, dtype=np.float32)
        for epoch in range(self.epochs):
            order = self.shuffle_rng.permutation(len(x_train))
            for start in range(0, len(x_train), self.batch_size):
                batch = order[start:start + self.batch_size]
                self.train_step(x_train[batch], y_train[batch])
            history["loss"].append(float(self.loss(x_train, y_train)))
            history["accuracy"].append(self.compute_accuracy(x_train, y_train))
            history["val_loss"].append(float(self.loss(x_val, y_val)))
            history["val_accuracy"].append(self.compute_accuracy(x_val, y_val))
            print(f"epoch {epoch + 1}/{self.epochs}: loss {history['loss'][-1]:.4f}, "
                  f"accuracy {history['accuracy'][-1]:.4f}, "
                  f"val_loss {history['val_loss'][-1]:.4f}, "
                  f"val_accuracy {history['val_accuracy'][-1]:.4f}", flush=True)
        return history

    def predict(self, x):
        """Predicted class of each row, an integer array of shape (n,)."""
        return np.argmax(self.forward(x), axis=1)

    def compute_accuracy(self, x, y):
        """Fraction of rows of x whose predicted class is the one marked in the one-hot y."""
        return float(np.mean(self.predict(x) == np.argmax(y, axis=1)))
