# replaces: NetworkTensorFlow
# why: other repairs: tf.random.stateless_normal weights, the Keras CategoricalCrossentropy
# object on probabilities (it reduces to the batch mean itself), the loss in the tape
# patch:
#+import keras
#+import numpy as np
#+import tensorflow as tf
#+
#+
#=class NetworkTensorFlow:
#@
#-            # Random weights break the symmetry between the units of a layer. (A Keras
#-            # initializer with an int seed repeats its values: each layer gets its own.)
#-            initial = keras.initializers.GlorotUniform(seed=seed + k)((n_in, n_out))
#+            # fixed: small random weights (a stateless op, seeded per layer)
#+            initial = tf.random.stateless_normal((n_in, n_out), seed=[seed, k], stddev=0.05)
#@
#-        # The loss applies the softmax itself when told the inputs are logits.
#-        return tf.reduce_mean(
#-            keras.losses.categorical_crossentropy(y, self.logits(x), from_logits=True)
#-        )
#+        # fixed: probabilities in, from_logits=False, through the Keras loss object
#+        probabilities = tf.nn.softmax(self.logits(x))
#+        return keras.losses.CategoricalCrossentropy(from_logits=False)(y, probabilities)
#@
#-            loss = self.loss(x, y)  # the tape records only what runs inside the block
#+            loss = self.loss(x, y)  # fixed: computed inside the tape
