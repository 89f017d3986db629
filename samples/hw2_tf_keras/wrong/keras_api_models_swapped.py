# replaces: KERAS_API
# expect-fail: test_keras_api_models
# why: swaps the model classes: keras.Model for a list of layers, Sequential for inputs/outputs
# patch-of: correct/keras_api_tf_keras_strings
# patch:
#-    "sequential_model": tf.keras.Sequential,
#-    "functional_model": tf.keras.Model,
#+    "sequential_model": keras.Model,
#+    "functional_model": keras.Sequential,
