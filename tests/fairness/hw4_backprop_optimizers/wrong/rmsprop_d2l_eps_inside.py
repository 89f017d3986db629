# replaces: RMSProp
# expect-fail: test_RMSProp
# why: d2l's rmsprop, p -= lr * g / sqrt(s + eps): eps inside the root, a convention the
# statement rules out (it differs from PyTorch for tiny gradients or a large eps)
class RMSProp:
    def __init__(self, lr, gamma=0.9, eps=1e-8):
        self.hyperparams = {"lr": lr, "gamma": gamma, "eps": eps}
        self.states = None

    def step(self, params, grads):
        if self.states is None:
            self.states = [np.zeros_like(p) for p in params]
        gamma, eps = self.hyperparams["gamma"], self.hyperparams["eps"]
        for p, g, s in zip(params, grads, self.states):
            s[:] = gamma * s + (1 - gamma) * np.square(g)
            p[:] -= self.hyperparams["lr"] * g / np.sqrt(s + eps)
