# replaces: train_manual
# expect-fail: test_train_manual
# why: updates the caller's arrays in place (params[k] -= ...), so the initial weights
# are lost and a second training would not start from them
# patch-of: correct/train_manual_dict_copies_log_softmax
# patch:
#-    params = {k: v.copy() for k, v in params.items()}
#@
#-        params = {k: params[k] - lr * grads[k] for k in params}
#+        for key in params:
#+            params[key] -= lr * grads[key]
