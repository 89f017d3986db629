# replaces: Adam
# why: CS231n's update rule adam(w, dw, config) -> (next_w, config) with m, v and t in one
# config dict per parameter
def adam(w, dw, config):
    config.setdefault("m", np.zeros_like(w))
    config.setdefault("v", np.zeros_like(w))
    config.setdefault("t", 0)
    config["t"] += 1
    config["m"] = config["beta1"] * config["m"] + (1 - config["beta1"]) * dw
    config["v"] = config["beta2"] * config["v"] + (1 - config["beta2"]) * dw**2
    mb = config["m"] / (1 - config["beta1"] ** config["t"])
    vb = config["v"] / (1 - config["beta2"] ** config["t"])
    next_w = w - config["learning_rate"] * mb / (np.sqrt(vb) + config["epsilon"])
    return next_w, config


class Adam:
    def __init__(self, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        self.hyper = {"learning_rate": lr, "beta1": beta1, "beta2": beta2, "epsilon": eps}
        self.configs = {}

    def step(self, params, grads):
        for i, (p, g) in enumerate(zip(params, grads)):
            config = self.configs.setdefault(i, dict(self.hyper))
            next_w, self.configs[i] = adam(p, g, config)
            p[:] = next_w
