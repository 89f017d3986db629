# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_training
# why: compiles with optimizer="sgd", whose default learning rate 0.01 ignores the argument
# patch:
#-    """The 10-50-50-2 ReLU network in Keras, compiled with SGD and the mean squared error."""
#@
#-    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
#+    model.compile(optimizer="sgd", loss="mse")
