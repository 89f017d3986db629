# replaces: layer_shapes
# expect-fail: test_layer_shapes
# why: gives the biases the 1-D shape (n_l,) instead of the column (n_l, 1)
def layer_shapes(layer_sizes):
    return [((n_out, n_in), (n_out,)) for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:])]
