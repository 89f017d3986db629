# replaces: train
# expect-fail: test_train
# why: adds the gradient instead of subtracting it (gradient ascent on the cost)
# patch:
#-    """Full-batch gradient descent on the BCE. Returns (params, costs), one cost per epoch."""
#@
#-            params[key] = params[key] - lr * grads["d" + key]
#+            params[key] = params[key] + lr * grads["d" + key]
