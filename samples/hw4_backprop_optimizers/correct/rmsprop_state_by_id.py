# replaces: RMSProp
# why: state keyed by id(parameter), created lazily; the update through np.subtract(out=p)
class RMSProp:
    def __init__(self, lr, gamma=0.9, eps=1e-8):
        self.lr, self.gamma, self.eps = lr, gamma, eps
        self.mean_square = {}

    def step(self, params, grads):
        for p, g in zip(params, grads):
            key = id(p)
            if key not in self.mean_square:
                self.mean_square[key] = np.zeros_like(p)
            ms = self.gamma * self.mean_square[key] + (1 - self.gamma) * g * g
            self.mean_square[key] = ms
            np.subtract(p, self.lr * g / (ms**0.5 + self.eps), out=p)
