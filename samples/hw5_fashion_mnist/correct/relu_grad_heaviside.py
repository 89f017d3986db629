# replaces: relu_net_gradient
# why: np.heaviside(z, 0) is the ReLU derivative with value 0 at the kink
def relu_net_gradient(x, theta):
    W_H, b_H, W_O = (np.asarray(theta[k], dtype=float) for k in ("W_H", "b_H", "W_O"))
    z = W_H * x + b_H
    step = np.heaviside(z, 0.0)
    return {"W_H": W_O * step * x, "b_H": W_O * step, "W_O": z * step, "b_O": 1.0}
