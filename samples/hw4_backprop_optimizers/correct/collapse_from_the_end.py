# replaces: collapse_linear_network
# why: accumulates the products from the last layer backwards: b* = sum_l (W_L...W_{l+1}) b_l
def collapse_linear_network(weights, biases):
    suffix = np.eye(weights[-1].shape[0])
    b_star = np.zeros(weights[-1].shape[0])
    for W, b in zip(reversed(weights), reversed(biases)):
        b_star = b_star + suffix @ b
        suffix = suffix @ W
    return suffix, b_star
