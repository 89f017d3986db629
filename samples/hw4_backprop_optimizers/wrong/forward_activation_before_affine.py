# replaces: forward
# expect-fail: test_forward
# why: applies the activation to each layer's input instead of to W a + b
def forward(x, params, activation):
    a = x
    for W, b in params:
        a = W @ activation(a) + b
    return a
