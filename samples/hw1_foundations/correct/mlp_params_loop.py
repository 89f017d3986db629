# replaces: mlp_parameter_count
# why: an explicit loop over the layers, adding the weight matrix and the bias vector separately
def mlp_parameter_count(n_inputs, hidden, n_outputs):
    count = 0
    fan_in = n_inputs
    for fan_out in list(hidden) + [n_outputs]:
        count += fan_in * fan_out  # weight matrix
        count += fan_out  # bias vector
        fan_in = fan_out
    return count
