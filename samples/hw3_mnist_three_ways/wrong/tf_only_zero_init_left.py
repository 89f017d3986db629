# replaces: NetworkTensorFlow
# expect-fail: test_tf_initialisation
# why: repairs the loss and the tape but keeps the zero weights: hidden units stay identical
# in-sample: yes
# patch:
#-            # Random weights break the symmetry between the units of a layer. (A Keras
#-            # initializer with an int seed repeats its values: each layer gets its own.)
#-            initial = keras.initializers.GlorotUniform(seed=seed + k)((n_in, n_out))
#+            initial = tf.zeros((n_in, n_out))
#@
#-            loss = self.loss(x, y)  # the tape records only what runs inside the block
#+            loss = self.loss(x, y)
