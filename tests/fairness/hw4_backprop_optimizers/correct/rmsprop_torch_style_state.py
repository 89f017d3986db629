# replaces: RMSProp
# why: PyTorch's layout: param_groups with the hyperparameters and a per-parameter state dict
# ("step", "square_avg") keyed by the parameter's position, updated with out= arguments
class RMSProp:
    def __init__(self, lr, gamma=0.9, eps=1e-8):
        self.param_groups = [{"lr": lr, "alpha": gamma, "eps": eps}]
        self.state = {}

    def step(self, params, grads):
        group = self.param_groups[0]
        for index, (p, g) in enumerate(zip(params, grads)):
            state = self.state.setdefault(index, {"step": 0, "square_avg": np.zeros_like(p)})
            state["step"] += 1
            square_avg = state["square_avg"]
            np.multiply(square_avg, group["alpha"], out=square_avg)
            square_avg += (1 - group["alpha"]) * g * g
            avg = np.sqrt(square_avg) + group["eps"]
            p -= group["lr"] * g / avg
