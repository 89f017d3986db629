# replaces: gradient_descent
# expect-fail: test_gradient_descent_full_batch test_gradient_descent_minibatch
# why: records the loss at the start of each epoch instead of after its updates
# patch-of: correct/gd_permutation_slices
# patch:
#=    for _ in range(epochs):
#+        losses.append(np.mean((X @ w - y) ** 2))
#@
#-        losses.append(np.mean((X @ w - y) ** 2))
#=    return w, losses
