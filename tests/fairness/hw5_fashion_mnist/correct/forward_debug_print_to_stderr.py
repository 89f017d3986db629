# replaces: relu_net_forward
# why: correct, with a debugging line left in that prints to sys.stderr on every call
import sys


def relu_net_forward(x, theta):
    print(f"relu_net_forward: x has shape {np.shape(x)}", file=sys.stderr)
    x = np.asarray(x, dtype=float)
    hidden = np.maximum(0, np.multiply.outer(x, theta["W_H"]) + theta["b_H"])
    out = hidden @ theta["W_O"] + theta["b_O"]
    return out if x.ndim else float(out)
