# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_architecture test_build_keras_mlp_training
# why: the removed keyword SGD(lr=...) from old tutorials: Keras 3 raises an error
# patch:
#-    """The 10-50-50-2 ReLU network in Keras, compiled with SGD and the mean squared error."""
#@
#-    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
#+    model.compile(optimizer=keras.optimizers.SGD(lr=learning_rate), loss="mse")
