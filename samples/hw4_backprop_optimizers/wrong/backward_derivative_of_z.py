# replaces: backward_propagation
# expect-fail: test_backward_propagation
# why: takes the sigmoid's derivative as Z1 (1 - Z1), on the pre-activation, not A1 (1 - A1)
# patch-of: correct/backward_mean_in_each_gradient
# patch:
#-    A1, A2 = cache["A1"], cache["A2"]
#+    Z1, A1, A2 = cache["Z1"], cache["A1"], cache["A2"]
#@
#-    dZ1 = params["W2"].T @ dZ2 * A1 * (1 - A1)
#+    dZ1 = params["W2"].T @ dZ2 * Z1 * (1 - Z1)
