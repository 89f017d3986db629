# replaces: Adam
# why: PyTorch's arrangement: step lr / (1 - beta1^t), denominator sqrt(v / (1 - beta2^t)) + eps
class Adam:
    def __init__(self, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr = lr
        self.betas = (beta1, beta2)
        self.eps = eps
        self.state = {}
        self.steps = 0

    def step(self, params, grads):
        beta1, beta2 = self.betas
        self.steps += 1
        correction1 = 1 - beta1**self.steps
        correction2 = 1 - beta2**self.steps
        for i, (p, g) in enumerate(zip(params, grads)):
            if i not in self.state:
                self.state[i] = (np.zeros_like(p), np.zeros_like(p))
            m, v = self.state[i]
            m *= beta1
            m += (1 - beta1) * g
            v *= beta2
            v += (1 - beta2) * g * g
            denominator = np.sqrt(v) / math.sqrt(correction2) + self.eps
            p -= (self.lr / correction1) * m / denominator
