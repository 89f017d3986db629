# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_training
# why: adds momentum 0.9, so from the second step on the updates are not plain SGD
# patch:
#-    """The 10-50-50-2 ReLU network in Keras, compiled with SGD and the mean squared error."""
#@
#-    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse")
#+    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate, momentum=0.9),
#+                  loss="mse")
