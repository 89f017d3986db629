# replaces: collapse_linear_network
# expect-fail: test_collapse_linear_network
# why: multiplies the weights correctly but keeps only the last layer's bias
def collapse_linear_network(weights, biases):
    W_star = weights[0]
    for W in weights[1:]:
        W_star = W @ W_star
    return W_star, biases[-1]
