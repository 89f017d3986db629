# replaces: estimate_training_time
# why: multiplies three ratios (parameters, epochs, samples) instead of one ratio of products
def estimate_training_time(base_seconds, base, new):
    def params(config):
        return mlp_parameter_count(config["n_inputs"], config["hidden"], config["n_outputs"])

    ratio_params = params(new) / params(base)
    ratio_epochs = new["epochs"] / base["epochs"]
    ratio_samples = new["n_samples"] / base["n_samples"]
    return base_seconds * ratio_params * ratio_epochs * ratio_samples
