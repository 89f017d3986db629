# replaces: first_layer_gradients
# expect-fail: test_first_layer_gradients
# why: keeps only the diagonal yhat_k (1 - yhat_k) of the softmax Jacobian
# patch-of: correct/flg_params_indexed_inline
# patch:
#-    g = y_hat - y
#-    delta3 = y_hat * (g - y_hat @ g)
#+    delta3 = (y_hat - y) * y_hat * (1 - y_hat)
