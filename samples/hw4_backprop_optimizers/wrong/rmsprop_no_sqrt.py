# replaces: RMSProp
# expect-fail: test_RMSProp
# why: divides by the mean square v instead of its square root
# patch-of: correct/rmsprop_whole_array_assignment
# patch:
#-            p -= self.lr * g / (np.sqrt(v) + self.eps)
#+            p -= self.lr * g / (v + self.eps)
