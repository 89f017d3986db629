# replaces: forward
# expect-fail: test_forward
# why: mixes in the row convention (examples as rows) and returns an (m, n_L) array
def forward(x, params, activation):
    a = x.T
    for W, b in params:
        a = activation(a @ W.T + b.T)
    return a
