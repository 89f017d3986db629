# replaces: gradient_descent
# expect-fail: test_gradient_descent_minibatch
# why: skips the last, smaller batch of each epoch (range stops at n - batch_size)
# patch-of: correct/gd_permutation_slices
# patch:
#-        for start in range(0, n, size):
#+        for start in range(0, n - size + 1, size):
