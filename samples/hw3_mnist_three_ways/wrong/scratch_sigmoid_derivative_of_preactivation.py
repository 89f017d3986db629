# replaces: NetworkScratch
# expect-fail: test_scratch_gradients test_scratch_learns
# why: applies s(1 - s) to the pre-activation z instead of to the output s
# patch:
#=        layers = [a]
#+        self._pre = []
#@
#=            z += b
#+            pre = z.copy()
#@
#=            layers.append(a)
#+            self._pre.append(pre)
#@
#-                a = layers[k]
#-                delta = delta @ self.weights[k].T
#-                delta *= a * (1.0 - a)  # sigmoid'(z) from the layer's output
#+                z = self._pre[k - 1]
#+                delta = delta @ self.weights[k].T
#+                delta *= z * (1.0 - z)
