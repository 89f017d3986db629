# replaces: estimate_training_time
# expect-fail: test_estimate_training_time
# why: the ratio is upside down: multiplies by base work / new work
def estimate_training_time(base_seconds, base, new):
    def work(config):
        params = mlp_parameter_count(config["n_inputs"], config["hidden"], config["n_outputs"])
        return params * config["epochs"] * config["n_samples"]

    return base_seconds * work(base) / work(new)
