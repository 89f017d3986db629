# replaces: layer_shapes
# expect-fail: test_layer_shapes
# why: sizes the bias by the layer's input width n_{l-1} instead of its own width n_l
def layer_shapes(layer_sizes):
    result = []
    for k in range(1, len(layer_sizes)):
        result.append(((layer_sizes[k], layer_sizes[k - 1]), (layer_sizes[k - 1], 1)))
    return result
