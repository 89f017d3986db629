# replaces: Adam
# expect-fail: test_Adam
# why: bias-corrects but uses the convention sqrt(v_hat + eps) instead of the statement's
# sqrt(v_hat) + eps; they differ for tiny gradients or a large eps
# patch-of: correct/adam_whole_array_assignment
# patch:
#-            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
#+            p -= self.lr * m_hat / np.sqrt(v_hat + self.eps)
