# replaces: relu_net_gradient
# why: PyTorch autograd in float64 (its ReLU has derivative 0 at 0)
def relu_net_gradient(x, theta):
    p = {k: torch.tensor(np.asarray(theta[k], dtype=float), requires_grad=True) for k in theta}
    f = p["b_O"] + torch.dot(p["W_O"], torch.relu(p["W_H"] * float(x) + p["b_H"]))
    f.backward()
    grads = {k: v.grad.numpy() for k, v in p.items()}
    grads["b_O"] = float(grads["b_O"])
    return grads
