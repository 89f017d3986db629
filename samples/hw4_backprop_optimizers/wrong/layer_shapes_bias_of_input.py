# replaces: layer_shapes
# expect-fail: test_layer_shapes
# why: sizes the bias by the layer's input width n_{l-1} instead of its own width n_l
# patch-of: correct/layer_shapes_lists_by_index
# patch:
#-        result.append([[layer_sizes[k], layer_sizes[k - 1]], [layer_sizes[k], 1]])
#+        result.append(((layer_sizes[k], layer_sizes[k - 1]), (layer_sizes[k - 1], 1)))
