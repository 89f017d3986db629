# replaces: mlp_parameter_count
# why: vectorised with NumPy: dot product of the widths plus the sum of the non-input widths
def mlp_parameter_count(n_inputs, hidden, n_outputs):
    widths = np.array([n_inputs, *hidden, n_outputs], dtype=np.int64)
    return int(widths[:-1] @ widths[1:] + widths[1:].sum())
