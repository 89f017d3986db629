# replaces: estimate_training_time
# why: the proportional prediction, printing how the work grows to sys.stderr as a diagnostic
import sys


def estimate_training_time(base_seconds, base, new):
    def work(config):
        n = mlp_parameter_count(config["n_inputs"], config["hidden"], config["n_outputs"])
        return n * config["epochs"] * config["n_samples"]

    ratio = work(new) / work(base)
    print(f"[estimate] work ratio {ratio:.3f} -> {base_seconds * ratio:.1f} s", file=sys.stderr)
    return base_seconds * ratio
