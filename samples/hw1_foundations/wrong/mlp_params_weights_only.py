# replaces: mlp_parameter_count
# expect-fail: test_mlp_parameter_count test_estimate_training_time
# why: counts the weight matrices but forgets the bias vectors (the estimate built on it is off too)
# in-sample: yes
def mlp_parameter_count(n_inputs, hidden, n_outputs):
    widths = [n_inputs, *hidden, n_outputs]
    return sum(n_in * n_out for n_in, n_out in zip(widths[:-1], widths[1:]))
