# replaces: loss_gradient
# expect-fail: test_loss_gradient
# why: differentiates (y - f)^2 to -(y - f) df, forgetting the factor 2
# patch-of: correct/loss_grad_unconverted_loop
# patch:
#-            grad[k] = grad[k] - 2 * residual * np.asarray(g[k])
#+            grad[k] = grad[k] - residual * np.asarray(g[k])
