# replaces: collapse_linear_network
# expect-fail: test_collapse_linear_network
# why: multiplies the weights in list order, W_1 W_2 ... W_L, instead of W_L ... W_1
def collapse_linear_network(weights, biases):
    W_star = np.linalg.multi_dot(weights) if len(weights) > 1 else weights[0]
    b_star = biases[0]
    for W, b in zip(weights[1:], biases[1:]):
        b_star = W @ b_star + b
    return W_star, b_star
