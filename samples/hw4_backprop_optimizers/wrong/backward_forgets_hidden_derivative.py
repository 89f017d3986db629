# replaces: backward_propagation
# expect-fail: test_backward_propagation
# why: passes the error through W2 but forgets to multiply by the hidden sigmoid's derivative
# patch-of: correct/backward_mean_in_each_gradient
# patch:
#-    dZ1 = params["W2"].T @ dZ2 * A1 * (1 - A1)
#+    dZ1 = params["W2"].T @ dZ2
