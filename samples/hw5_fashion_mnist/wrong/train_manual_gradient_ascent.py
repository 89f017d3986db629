# replaces: train_manual
# expect-fail: test_train_manual
# why: adds the gradient instead of subtracting it, climbing the loss
# patch-of: correct/train_manual_dict_copies_log_softmax
# patch:
#-        params = {k: params[k] - lr * grads[k] for k in params}
#+        params = {k: params[k] + lr * grads[k] for k in params}
