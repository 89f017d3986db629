# replaces: theta_dataset_2
# expect-fail: test_theta_dataset_2
# why: the kinks are right (-1, 0, 1, 2) but every unit is max(0, x - k): the network is
# then flat left of its first kink, so f(-2) = f(-1) = 2 instead of 0; the slope 2 on the
# far left needs a unit that faces left
def theta_dataset_2():
    return {"W_H": np.ones(4), "b_H": np.array([1.0, 0.0, -1.0, -2.0]),
            "W_O": np.array([-2.0, 4.0, -4.0, 2.0]), "b_O": 2.0}
