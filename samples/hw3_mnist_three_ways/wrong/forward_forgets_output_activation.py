# replaces: capacity_forward
# expect-fail: test_capacity_forward
# why: returns the output unit's input w2 . h + b2 without applying o
def capacity_forward(params, X):
    hidden = params["g"](np.asarray(X) @ np.asarray(params["W1"]).T + params["b1"])
    return hidden @ params["w2"] + params["b2"]
