# replaces: backward_propagation
# expect-fail: test_backward_propagation
# why: averages the bias gradients over the wrong axis (over units instead of examples)
# patch-of: correct/backward_mean_in_each_gradient
# patch:
#-    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
#+    db2 = np.mean(dZ2, axis=0, keepdims=True)
#@
#-    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
#+    db1 = np.mean(dZ1, axis=0, keepdims=True)
