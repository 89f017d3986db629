# replaces: mlp_parameter_count
# expect-fail: test_mlp_parameter_count test_estimate_training_time
# why: adds the bias to the wrong side, (n_out + 1) * n_in, one bias per incoming unit
def mlp_parameter_count(n_inputs, hidden, n_outputs):
    widths = [n_inputs, *hidden, n_outputs]
    return sum(n_in * (n_out + 1) for n_in, n_out in zip(widths[:-1], widths[1:]))
