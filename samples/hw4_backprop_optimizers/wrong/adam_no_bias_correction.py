# replaces: Adam
# expect-fail: test_Adam
# why: uses the raw moments m and v, without dividing by 1 - beta^t: first steps far too large
# in-sample: yes
# patch-of: correct/adam_whole_array_assignment
# patch:
#-        self.t = 0
#@
#-        self.t += 1
#@
#-            m_hat = m / (1 - self.beta1**self.t)
#-            v_hat = v / (1 - self.beta2**self.t)
#-            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
#+            p -= self.lr * m / (np.sqrt(v) + self.eps)
