# replaces: RMSProp
# why: an empty state dict from __init__, filled by index on the first step; p[...] = ...
class RMSProp:
    def __init__(self, lr, gamma=0.9, eps=1e-8):
        self.lr = lr
        self.gamma = gamma
        self.eps = eps
        self.state = {}

    def step(self, params, grads):
        for i, (p, g) in enumerate(zip(params, grads)):
            v = self.state.setdefault(i, np.zeros(p.shape))
            v[...] = self.gamma * v + (1.0 - self.gamma) * np.square(g)
            p[...] = p - self.lr * g / (np.sqrt(v) + self.eps)
