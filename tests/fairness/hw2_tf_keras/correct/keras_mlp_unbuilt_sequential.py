# replaces: build_keras_mlp
# why: a Sequential model without keras.Input, compiled at once: it has no weights until
# it first sees a batch, which is how most Keras tutorials leave it
# patch:
#-    """The 10-50-50-2 ReLU network in Keras, compiled with SGD and the mean squared error."""
#-    model = keras.Sequential([
#-        keras.Input(shape=(10,)),
#+    model = keras.Sequential([
