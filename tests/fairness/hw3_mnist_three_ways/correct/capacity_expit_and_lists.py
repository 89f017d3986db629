# replaces: capacity_network
# why: scipy.special.expit as the output unit, weights as nested lists, and the product
# from (x1 + x2)^2 - (x2 - x1)^2 with the rows of W1 scaled by 1/2
import numpy as np
from scipy.special import expit


def capacity_network(beta0, beta1):
    return {
        "g": np.square,
        "o": expit,
        "W1": [[0.5, 0.5], [-0.5, 0.5]],
        "b1": [0.0, 0.0],
        "w2": [beta1, -beta1],
        "b2": beta0,
    }
