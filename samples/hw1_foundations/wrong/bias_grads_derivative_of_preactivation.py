# replaces: bias_gradients
# expect-fail: test_bias_gradients_public test_bias_gradients_tanh
# why: plugs the pre-activation a into "s(1-s)" and "1-t^2" instead of the activation's output
# patch-of: correct/bias_grads_unchecked_activation
# patch:
#-        dh = h * (1 - h)
#+        dh = a * (1 - a)
#@
#-        dh = 1 - h**2
#+        dh = 1 - a**2
