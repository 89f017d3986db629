# replaces: forward
# expect-fail: test_forward
# why: leaves the last layer linear although the activation is applied after every layer
def forward(x, params, activation):
    a = x
    for W, b in params[:-1]:
        a = activation(W @ a + b)
    W, b = params[-1]
    return W @ a + b
