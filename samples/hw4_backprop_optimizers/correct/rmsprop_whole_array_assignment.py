# replaces: RMSProp
# why: the running average updated by whole-array assignment, v[...] = gamma v + (1 - gamma)
# g**2 (not *= and +=), the hyperparameters set in one tuple assignment
class RMSProp:
    def __init__(self, lr, gamma=0.9, eps=1e-8):
        self.lr, self.gamma, self.eps = lr, gamma, eps
        self.v = None

    def step(self, params, grads):
        if self.v is None:
            self.v = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, self.v):
            v[...] = self.gamma * v + (1 - self.gamma) * g**2
            p -= self.lr * g / (np.sqrt(v) + self.eps)
