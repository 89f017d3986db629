# replaces: theta_dataset_2
# expect-fail: test_theta_dataset_2
# why: puts the first kink at x = -2, so no unit is left to flatten the function after
# x = 2: the zigzag goes on to f(3) = -2
def theta_dataset_2():
    return {"W_H": np.array([1.0, 1.0, 1.0, 1.0]), "b_H": np.array([2.0, 1.0, 0.0, -1.0]),
            "W_O": np.array([2.0, -4.0, 4.0, -4.0]), "b_O": 0.0}
