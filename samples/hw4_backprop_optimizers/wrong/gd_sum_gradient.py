# replaces: gradient_descent
# expect-fail: test_gradient_descent_full_batch test_gradient_descent_minibatch
# why: sums the per-example gradients instead of averaging them over the batch
# patch-of: correct/gd_permutation_slices
# patch:
#-            w = w - lr * 2 / len(idx) * X[idx].T @ (X[idx] @ w - y[idx])
#+            w = w - lr * 2 * X[idx].T @ (X[idx] @ w - y[idx])
