# replaces: theta_dataset_2
# expect-fail: test_theta_dataset_2
# why: the right units and kinks, but the output bias has the wrong sign (+4 instead of -4)
def theta_dataset_2():
    return {"W_H": np.array([-1.0, -1.0, 1.0, 1.0]), "b_H": np.array([-1.0, 2.0, 0.0, -1.0]),
            "W_O": np.array([-4.0, 2.0, 4.0, -4.0]), "b_O": 4.0}
