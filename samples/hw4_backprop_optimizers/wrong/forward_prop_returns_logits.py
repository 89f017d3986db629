# replaces: forward_propagation
# expect-fail: test_forward_propagation
# why: returns the output pre-activation Z2 as y_hat instead of sigmoid(Z2); the cache is right
# patch:
#-    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
#+    return Z2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
