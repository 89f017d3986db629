# replaces: RMSProp
# expect-fail: test_RMSProp
# why: swaps the weights of the running average: v = (1 - gamma) v + gamma g^2
# patch-of: correct/rmsprop_whole_array_assignment
# patch:
#-            v[...] = self.gamma * v + (1 - self.gamma) * g**2
#+            v[...] = (1 - self.gamma) * v + self.gamma * g**2
