# replaces: Adam
# why: PyTorch's layout: a state dict per parameter with its own "step", "exp_avg" and
# "exp_avg_sq" (every parameter is stepped on every call, so the counts agree)
class Adam:
    def __init__(self, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        self.defaults = dict(lr=lr, betas=(beta1, beta2), eps=eps)
        self.state = {}

    def step(self, params, grads):
        lr, (beta1, beta2), eps = self.defaults["lr"], self.defaults["betas"], self.defaults["eps"]
        for i, (p, g) in enumerate(zip(params, grads)):
            if i not in self.state:
                self.state[i] = {"step": 0, "exp_avg": np.zeros_like(p),
                                 "exp_avg_sq": np.zeros_like(p)}
            state = self.state[i]
            state["step"] += 1
            state["exp_avg"] = beta1 * state["exp_avg"] + (1 - beta1) * g
            state["exp_avg_sq"] = beta2 * state["exp_avg_sq"] + (1 - beta2) * g * g
            bias_correction1 = 1 - beta1 ** state["step"]
            bias_correction2 = 1 - beta2 ** state["step"]
            denom = np.sqrt(state["exp_avg_sq"]) / math.sqrt(bias_correction2) + eps
            p -= lr / bias_correction1 * state["exp_avg"] / denom
