# replaces: estimate_training_time
# expect-fail: test_estimate_training_time
# why: scales only by epochs and samples, forgetting that the bigger network has more parameters
def estimate_training_time(base_seconds, base, new):
    return base_seconds * (new["epochs"] / base["epochs"]) * (new["n_samples"] / base["n_samples"])
