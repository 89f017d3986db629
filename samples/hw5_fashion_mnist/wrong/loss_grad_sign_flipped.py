# replaces: loss_gradient
# expect-fail: test_loss_gradient
# why: loses the minus sign of d(y - f)/df, so the result points uphill
# patch-of: correct/loss_grad_unconverted_loop
# patch:
#-            grad[k] = grad[k] - 2 * residual * np.asarray(g[k])
#+            grad[k] = grad[k] + 2 * residual * np.asarray(g[k])
