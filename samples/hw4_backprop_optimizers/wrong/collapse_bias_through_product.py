# replaces: collapse_linear_network
# expect-fail: test_collapse_linear_network
# why: sends the bias so far through the accumulated product W_star instead of the layer's W
def collapse_linear_network(weights, biases):
    W_star = weights[0]
    b_star = biases[0]
    for W, b in zip(weights[1:], biases[1:]):
        W_star = W @ W_star
        b_star = W_star @ b_star + b
    return W_star, b_star
