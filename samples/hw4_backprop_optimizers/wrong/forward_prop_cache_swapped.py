# replaces: forward_propagation
# expect-fail: test_forward_propagation_cache
# why: stores the pre-activation under "A1" and the activation under "Z1"; y_hat is right
# patch:
#-    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
#+    return A2, {"Z1": A1, "A1": Z1, "Z2": Z2, "A2": A2}
