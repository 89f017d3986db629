# replaces: train
# expect-fail: test_train
# why: "updates" the loop variable (value = value - ...), which leaves the dict unchanged
# patch:
#-    """Full-batch gradient descent on the BCE. Returns (params, costs), one cost per epoch."""
#@
#-        for key in params:
#-            params[key] = params[key] - lr * grads["d" + key]
#+        for key, value in params.items():
#+            value = value - lr * grads["d" + key]
