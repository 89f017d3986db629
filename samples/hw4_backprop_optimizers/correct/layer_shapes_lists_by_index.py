# replaces: layer_shapes
# why: lists instead of tuples, built by index: the same shapes
def layer_shapes(layer_sizes):
    result = []
    for k in range(1, len(layer_sizes)):
        result.append([[layer_sizes[k], layer_sizes[k - 1]], [layer_sizes[k], 1]])
    return result
