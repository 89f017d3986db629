# replaces: theta_dataset_1
# expect-fail: test_theta_dataset_1
# why: max(0, x) - max(0, -x) is x, not |x|: the second output weight has the wrong sign
def theta_dataset_1():
    return {"W_H": np.array([1.0, -1.0, 0.0, 0.0]), "b_H": np.zeros(4),
            "W_O": np.array([1.0, -1.0, 0.0, 0.0]), "b_O": 0.0}
