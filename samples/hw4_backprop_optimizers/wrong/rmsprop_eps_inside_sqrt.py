# replaces: RMSProp
# expect-fail: test_RMSProp
# why: Keras's convention sqrt(v + eps), not the statement's sqrt(v) + eps (PyTorch's); the
# two differ for tiny gradients or a large eps, which the hidden tests use
# patch-of: correct/rmsprop_whole_array_assignment
# patch:
#-            p -= self.lr * g / (np.sqrt(v) + self.eps)
#+            p -= self.lr * g / np.sqrt(v + self.eps)
