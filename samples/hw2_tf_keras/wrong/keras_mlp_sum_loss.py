# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_training
# why: sums the squared errors over the batch instead of averaging them
# patch:
#-    """The 10-50-50-2 ReLU network in Keras, compiled with SGD and the mean squared error."""
#@
#-    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
#+    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate),
#+                  loss=keras.losses.MeanSquaredError(reduction="sum"))
