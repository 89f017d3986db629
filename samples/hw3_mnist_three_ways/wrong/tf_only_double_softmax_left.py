# replaces: NetworkTensorFlow
# expect-fail: test_tf_loss
# why: repairs two mistakes but still feeds probabilities to a from_logits=True loss
# patch:
#-            # Random weights break the symmetry between the units of a layer. (A Keras
#-            # initializer with an int seed repeats its values: each layer gets its own.)
#@
#-        return tf.reduce_mean(
#-            keras.losses.categorical_crossentropy(y, self.logits(x), from_logits=True)
#+        probabilities = tf.nn.softmax(self.logits(x))
#+        return tf.reduce_mean(
#+            keras.losses.categorical_crossentropy(y, probabilities, from_logits=True)
#@
#-            loss = self.loss(x, y)  # the tape records only what runs inside the block
#+            loss = self.loss(x, y)
