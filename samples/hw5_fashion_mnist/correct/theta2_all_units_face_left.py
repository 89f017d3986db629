# replaces: theta_dataset_2
# why: four units max(0, k - x) with kinks k = -1, 0, 1, 2 and no output bias
def theta_dataset_2():
    return {"W_H": -np.ones(4), "b_H": np.array([-1.0, 0.0, 1.0, 2.0]),
            "W_O": np.array([-4.0, 4.0, -4.0, 2.0]), "b_O": 0.0}
