# replaces: first_layer_gradients
# expect-fail: test_first_layer_gradients
# why: the published derivation: takes dJ/dz3 = yhat - y, which is the cross-entropy gradient
# in-sample: yes
# patch-of: correct/flg_params_indexed_inline
# patch:
#-    g = y_hat - y
#-    delta3 = y_hat * (g - y_hat @ g)
#+    delta3 = y_hat - y
