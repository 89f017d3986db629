# replaces: bias_gradients
# expect-fail: test_bias_gradients_public test_bias_gradients_tanh test_bias_gradients_relu
# why: drops the minus sign of the inner derivative: uses y - yhat instead of yhat - y
# patch-of: correct/bias_grads_unchecked_activation
# patch:
#-    r = h @ w + b - y
#+    r = y - (h @ w + b)
