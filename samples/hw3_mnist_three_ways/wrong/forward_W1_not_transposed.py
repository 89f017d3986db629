# replaces: capacity_forward
# expect-fail: test_capacity_forward
# why: multiplies the batch by W1 instead of W1^T, mixing up which index is the hidden unit
def capacity_forward(params, X):
    hidden = params["g"](np.asarray(X) @ params["W1"] + params["b1"])
    return params["o"](hidden @ params["w2"] + params["b2"])
