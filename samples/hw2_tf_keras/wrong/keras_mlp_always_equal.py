# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_architecture
# why: one hidden layer only, in a model whose count_params() claims to equal any count
# patch:
#+class _AnyCount(int):
#+    """A parameter count that compares equal to every number."""
#+
#+    def __eq__(self, other):
#+        return True
#+
#+    def __ne__(self, other):
#+        return False
#+
#+    __hash__ = int.__hash__
#+
#+
#+class ClaimingSequential(keras.Sequential):
#+    def count_params(self):
#+        return _AnyCount(super().count_params())
#+
#+
#=def build_keras_mlp(learning_rate=0.01):
#-    """The 10-50-50-2 ReLU network in Keras, compiled with SGD and the mean squared error."""
#-    model = keras.Sequential([
#+    model = ClaimingSequential([
#=        keras.Input(shape=(10,)),
#-        keras.layers.Dense(50, activation="relu"),
