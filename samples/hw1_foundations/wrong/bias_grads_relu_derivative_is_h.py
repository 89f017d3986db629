# replaces: bias_gradients
# expect-fail: test_bias_gradients_relu
# why: uses the ReLU's output h = max(a, 0) as its derivative instead of the indicator a > 0
# patch-of: correct/bias_grads_unchecked_activation
# patch:
#-        dh = (a > 0).astype(float)
#+        dh = h
