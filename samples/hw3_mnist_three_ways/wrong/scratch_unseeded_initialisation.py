# replaces: NetworkScratch
# expect-fail: test_scratch_forward
# why: draws the initial weights from NumPy's global generator, ignoring seed
# patch:
#-                self.rng.uniform(-limit, limit, size=(n_in, n_out)).astype(np.float32)
#+                np.random.uniform(-limit, limit, size=(n_in, n_out)).astype(np.float32)
