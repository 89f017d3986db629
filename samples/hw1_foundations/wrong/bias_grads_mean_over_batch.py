# replaces: bias_gradients
# expect-fail: test_bias_gradients_public test_bias_gradients_tanh test_bias_gradients_relu
# why: averages over the batch although E is a sum, so both gradients are n times too small
# patch-of: correct/bias_grads_unchecked_activation
# patch:
#-    return (r[:, None] * dh * w).sum(axis=0), float(r.sum())
#+    return (r[:, None] * dh * w).mean(axis=0), float(r.mean())
