# replaces: train
# expect-fail: test_train
# why: updates only W2 and b2, so the hidden layer keeps its random initial features
# patch:
#-    """Full-batch gradient descent on the BCE. Returns (params, costs), one cost per epoch."""
#@
#-        for key in params:
#-            params[key] = params[key] - lr * grads["d" + key]
#+        params["W2"] = params["W2"] - lr * grads["dW2"]
#+        params["b2"] = params["b2"] - lr * grads["db2"]
