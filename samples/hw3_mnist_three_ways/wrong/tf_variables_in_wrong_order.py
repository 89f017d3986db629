# replaces: NetworkTensorFlow
# expect-fail: test_tf_gradients
# why: a new mistake: zips the gradients with the variables in another order
# patch:
#-            # Random weights break the symmetry between the units of a layer. (A Keras
#-            # initializer with an int seed repeats its values: each layer gets its own.)
#@
#-            loss = self.loss(x, y)  # the tape records only what runs inside the block
#+            loss = self.loss(x, y)
#@
#-        self.optimizer.apply_gradients(zip(dW + db, self.weights + self.biases))
#+        self.optimizer.apply_gradients(zip(dW + db, self.biases + self.weights))
