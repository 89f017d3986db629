# replaces: first_layer_gradients
# expect-fail: test_first_layer_gradients
# why: returns x delta1^T (shape d x H1) instead of delta1 x^T (the shape of W1)
# patch-of: correct/flg_params_indexed_inline
# patch:
#-    return np.outer(delta1, x), delta1
#+    return np.outer(x, delta1), delta1
