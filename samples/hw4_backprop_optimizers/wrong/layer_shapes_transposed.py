# replaces: layer_shapes
# expect-fail: test_layer_shapes
# why: uses the row convention (n_{l-1}, n_l) for the weights, i.e. transposed matrices
def layer_shapes(layer_sizes):
    shapes = []
    for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]):
        shapes.append(((n_in, n_out), (n_out, 1)))
    return shapes
