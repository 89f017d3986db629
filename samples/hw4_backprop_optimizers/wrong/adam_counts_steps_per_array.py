# replaces: Adam
# expect-fail: test_Adam
# why: increases t once per parameter array instead of once per step, skewing the correction
# patch-of: correct/adam_whole_array_assignment
# patch:
#-        self.t += 1
#=        for p, g, m, v in zip(params, grads, self.m, self.v):
#+            self.t += 1
