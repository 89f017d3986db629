# replaces: RMSProp
# why: CS231n's update rule rmsprop(w, dw, config) -> (next_w, config), one config dict per
# parameter, written back into the array with p[...] = next_w
def rmsprop(w, dw, config):
    cache = config.setdefault("cache", np.zeros_like(w))
    config["cache"] = config["decay_rate"] * cache + (1 - config["decay_rate"]) * dw**2
    next_w = w - config["learning_rate"] * dw / (np.sqrt(config["cache"]) + config["epsilon"])
    return next_w, config


class RMSProp:
    def __init__(self, lr, gamma=0.9, eps=1e-8):
        self.defaults = {"learning_rate": lr, "decay_rate": gamma, "epsilon": eps}
        self.configs = None

    def step(self, params, grads):
        if self.configs is None:
            self.configs = [dict(self.defaults) for _ in params]
        for i, (p, g) in enumerate(zip(params, grads)):
            next_w, self.configs[i] = rmsprop(p, g, self.configs[i])
            p[...] = next_w
