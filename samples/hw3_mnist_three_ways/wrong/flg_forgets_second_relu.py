# replaces: first_layer_gradients
# expect-fail: test_first_layer_gradients
# why: back-propagates through the second hidden layer without its ReLU mask
# patch-of: correct/flg_params_indexed_inline
# patch:
#-    delta2 = (params["W3"].T @ delta3) * (z2 > 0)
#+    delta2 = params["W3"].T @ delta3
