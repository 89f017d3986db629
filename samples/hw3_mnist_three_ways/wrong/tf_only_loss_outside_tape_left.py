# replaces: NetworkTensorFlow
# expect-fail: test_tf_gradients
# why: repairs two mistakes but still computes the loss after the tape block ends
# patch:
#-            # Random weights break the symmetry between the units of a layer. (A Keras
#-            # initializer with an int seed repeats its values: each layer gets its own.)
#@
#-            loss = self.loss(x, y)  # the tape records only what runs inside the block
#+            tape.watch(self.weights + self.biases)
#+        loss = self.loss(x, y)
