# replaces: NetworkTensorFlow
# why: other repairs: seeded small normal weights, and probabilities with from_logits=False
# patch:
#-            # Random weights break the symmetry between the units of a layer. (A Keras
#-            # initializer with an int seed repeats its values: each layer gets its own.)
#-            initial = keras.initializers.GlorotUniform(seed=seed + k)((n_in, n_out))
#+            initial = tf.random.stateless_normal((n_in, n_out), seed=[seed, k], stddev=0.1)
#@
#-        return tf.reduce_mean(
#-            keras.losses.categorical_crossentropy(y, self.logits(x), from_logits=True)
#+        probabilities = tf.nn.softmax(self.logits(x))
#+        return tf.reduce_mean(
#+            keras.losses.categorical_crossentropy(y, probabilities, from_logits=False)
#@
#-            loss = self.loss(x, y)  # the tape records only what runs inside the block
#+            loss = self.loss(x, y)
