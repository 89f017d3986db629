# replaces: NetworkScratch
# expect-fail: test_scratch_gradients test_scratch_learns
# why: forgets the 1/n of the batch mean, so the gradient is the sum over the batch
# patch:
#-        n = y_hat.shape[0]
#-        g = (y_hat - np.asarray(y, dtype=y_hat.dtype)) / n  # dL/dYhat
#+        g = y_hat - np.asarray(y, dtype=y_hat.dtype)
