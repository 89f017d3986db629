# replaces: sigmoid
# why: scipy.special.expit is a stable implementation of the logistic function
from scipy.special import expit


def sigmoid(x):
    return expit(x)
