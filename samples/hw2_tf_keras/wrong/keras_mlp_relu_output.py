# replaces: build_keras_mlp
# expect-fail: test_build_keras_mlp_architecture
# why: puts ReLU on the output layer too, so the network cannot predict negative values
# in-sample: yes
# patch:
#-    """The 10-50-50-2 ReLU network in Keras, compiled with SGD and the mean squared error."""
#@
#-        keras.layers.Dense(2),
#+        keras.layers.Dense(2, activation="relu"),
