# replaces: NetworkScratch
# expect-fail: test_scratch_gradients
# why: the Nielsen-style network with its tqdm bar, but the softmax Jacobian is dropped:
# delta = (yhat - y) / n is the gradient of the cross-entropy, not of the squared error (it
# still learns, so only the gradient check fails)
# patch-of: correct/scratch_nielsen_style_tqdm_batches
# patch:
#-        g = (out - y) / len(out)
#-        delta = out * (g - (g * out).sum(axis=1, keepdims=True))
#+        delta = (out - y) / len(out)  # the cross-entropy shortcut, not this loss's gradient
