# replaces: theta_dataset_2
# why: kinks at -0.5, 0, 1 and 2 (the first one between two data points): the function
# overshoots to 3 at x = -0.5 and comes back down through (0, 0)
def theta_dataset_2():
    return {"W_H": np.array([2.0, 1.0, -1.0, -1.0]), "b_H": np.array([1.0, 0.0, 1.0, 2.0]),
            "W_O": np.array([-4.0, 8.0, -4.0, 2.0]), "b_O": 4.0}
