# replaces: manual_gradients
# expect-fail: test_manual_gradients test_manual_gradients_stable
# why: backpropagates through the ReLU as if it were the identity (no mask z1 > 0)
# patch-of: correct/manual_grads_softmax_in_place
# patch:
#-    dz1 = (ds @ params["W2"].T) * (z1 > 0)
#+    dz1 = ds @ params["W2"].T
