# replaces: capacity_forward
# why: loops over the rows with the column-vector formula, then stacks the outputs
def capacity_forward(params, X):
    W1, b1 = np.asarray(params["W1"]), np.asarray(params["b1"])
    w2, b2 = np.asarray(params["w2"]), params["b2"]
    out = []
    for x in np.asarray(X, dtype=float):
        h = params["g"](W1 @ x + b1)
        out.append(params["o"](np.dot(w2, h) + b2))
    return np.array(out, dtype=float).reshape(-1)
