# replaces: mlp_parameter_count
# expect-fail: test_mlp_parameter_count test_estimate_training_time
# why: counts only the layers that lead into a hidden layer and forgets the output layer
def mlp_parameter_count(n_inputs, hidden, n_outputs):
    total = 0
    previous = n_inputs
    for width in hidden:
        total += (previous + 1) * width
        previous = width
    return total
