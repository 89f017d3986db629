# replaces: RMSProp
# expect-fail: test_RMSProp
# why: keeps the running averages in a class attribute, shared by every RMSProp instance
class RMSProp:
    v = {}

    def __init__(self, lr, gamma=0.9, eps=1e-8):
        self.lr, self.gamma, self.eps = lr, gamma, eps

    def step(self, params, grads):
        for i, (p, g) in enumerate(zip(params, grads)):
            if i not in self.v or self.v[i].shape != p.shape:
                self.v[i] = np.zeros_like(p)
            self.v[i] = self.gamma * self.v[i] + (1 - self.gamma) * g**2
            p -= self.lr * g / (np.sqrt(self.v[i]) + self.eps)
