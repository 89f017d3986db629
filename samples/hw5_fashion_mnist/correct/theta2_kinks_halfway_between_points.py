# replaces: theta_dataset_2
# why: no kink on a data point at all: four units max(0, k - x) with kinks k = -1.5, -0.5,
# 0.5, 1.5, one inside each of the windows (-2, 0), (-1, 1), (0, 2), (1, 3) around the
# bends at -1, 0, 1, 2; the slopes between the data points differ from the target's
def theta_dataset_2():
    return {"W_H": -np.ones(4), "b_H": np.array([-1.5, -0.5, 0.5, 1.5]),
            "W_O": np.array([-28.0, 20.0, -12.0, 4.0]), "b_O": 0.0}
