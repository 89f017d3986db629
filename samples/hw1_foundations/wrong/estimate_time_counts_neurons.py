# replaces: estimate_training_time
# expect-fail: test_estimate_training_time
# why: uses the number of units (neurons) instead of the number of parameters as the size
def estimate_training_time(base_seconds, base, new):
    def work(config):
        units = config["n_inputs"] + sum(config["hidden"]) + config["n_outputs"]
        return units * config["epochs"] * config["n_samples"]

    return base_seconds * work(new) / work(base)
