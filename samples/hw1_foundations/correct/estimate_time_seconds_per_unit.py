# replaces: estimate_training_time
# why: first derives the time per parameter-epoch-sample from the base run, then scales it up
def estimate_training_time(base_seconds, base, new):
    keys = ("epochs", "n_samples")
    base_units = mlp_parameter_count(base["n_inputs"], base["hidden"], base["n_outputs"])
    new_units = mlp_parameter_count(new["n_inputs"], new["hidden"], new["n_outputs"])
    for key in keys:
        base_units *= base[key]
        new_units *= new[key]
    seconds_per_unit = base_seconds / base_units
    return seconds_per_unit * new_units
