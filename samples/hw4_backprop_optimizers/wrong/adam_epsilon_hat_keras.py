# replaces: Adam
# expect-fail: test_Adam
# why: the Adam paper's "efficient" arrangement used by TensorFlow and Keras, lr_t = lr
# sqrt(1 - beta2^t) / (1 - beta1^t) and eps added to sqrt(v) before the correction: another
# convention (eps / sqrt(1 - beta2^t) in the statement's formula), which the statement excludes
# patch-of: correct/adam_whole_array_assignment
# patch:
#=        self.t += 1
#+        lr_t = self.lr * np.sqrt(1 - self.beta2**self.t) / (1 - self.beta1**self.t)
#@
#-            v[...] = self.beta2 * v + (1 - self.beta2) * g**2
#-            m_hat = m / (1 - self.beta1**self.t)
#-            v_hat = v / (1 - self.beta2**self.t)
#-            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
#+            v[...] = self.beta2 * v + (1 - self.beta2) * g * g
#+            p -= lr_t * m / (np.sqrt(v) + self.eps)
