# replaces: theta_dataset_1
# why: the same network with plain lists and an int bias instead of arrays and a float
def theta_dataset_1():
    return {"W_H": [-1, 1, 0, 0], "b_H": [0, 0, 0, 0], "W_O": [1, 1, 0, 0], "b_O": 0}
