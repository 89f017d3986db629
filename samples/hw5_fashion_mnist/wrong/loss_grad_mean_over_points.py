# replaces: loss_gradient
# expect-fail: test_loss_gradient
# why: averages over the data points, the gradient of the mean squared error, while L is a sum
# patch-of: correct/loss_grad_unconverted_loop
# patch:
#-            grad[k] = grad[k] - 2 * residual * np.asarray(g[k])
#+            grad[k] = grad[k] - 2 * residual * np.asarray(g[k]) / len(xs)
