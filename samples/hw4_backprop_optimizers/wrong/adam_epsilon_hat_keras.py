# replaces: Adam
# expect-fail: test_Adam
# why: the Adam paper's "efficient" arrangement used by TensorFlow and Keras, lr_t = lr
# sqrt(1 - beta2^t) / (1 - beta1^t) and eps added to sqrt(v) before the correction: another
# convention (eps / sqrt(1 - beta2^t) in the statement's formula), which the statement excludes
class Adam:
    def __init__(self, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = self.v = None
        self.t = 0

    def step(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.t += 1
        lr_t = self.lr * np.sqrt(1 - self.beta2**self.t) / (1 - self.beta1**self.t)
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m[...] = self.beta1 * m + (1 - self.beta1) * g
            v[...] = self.beta2 * v + (1 - self.beta2) * g * g
            p -= lr_t * m / (np.sqrt(v) + self.eps)
