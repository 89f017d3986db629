# replaces: sigmoid
# expect-fail: test_sigmoid
# why: clips x to [-500, 500] to dodge the overflow, so sigmoid(-1000) is 7e-218, not 0
def sigmoid(x):
    x = np.clip(x, -500, 500)
    return 1 / (1 + np.exp(-x))
