# replaces: bias_gradients
# expect-fail: test_bias_gradients_public test_bias_gradients_tanh test_bias_gradients_relu
# why: the chain rule stops at the hidden unit: forgets the factor w_j from yhat = w . h + b
# patch-of: correct/bias_grads_unchecked_activation
# patch:
#-    return (r[:, None] * dh * w).sum(axis=0), float(r.sum())
#+    return (r[:, None] * dh).sum(axis=0), float(r.sum())
