# replaces: NetworkTensorFlow
# why: other repairs: He-normal weights, sparse labels with tf.nn, watch() plus the loss in the tape
# patch:
#-            # Random weights break the symmetry between the units of a layer. (A Keras
#-            # initializer with an int seed repeats its values: each layer gets its own.)
#-            initial = keras.initializers.GlorotUniform(seed=seed + k)((n_in, n_out))
#+            initial = keras.initializers.HeNormal(seed=1000 * seed + k)((n_in, n_out))
#@
#-        return tf.reduce_mean(
#-            keras.losses.categorical_crossentropy(y, self.logits(x), from_logits=True)
#+        labels = tf.argmax(y, axis=1)
#+        return tf.reduce_mean(
#+            tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=self.logits(x))
#@
#-        with tf.GradientTape() as tape:
#-            loss = self.loss(x, y)  # the tape records only what runs inside the block
#+        variables = self.weights + self.biases
#+        with tf.GradientTape(watch_accessed_variables=False) as tape:
#+            tape.watch(variables)
#+            loss = self.loss(x, y)
