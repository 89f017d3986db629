# replaces: supported_degree
# why: skips fits that blew up with a UserWarning, then takes the largest degree within bound
import math
import warnings


def supported_degree(degrees, test_mse, rtol=0.1):
    finite = [(int(d), float(e)) for d, e in zip(degrees, test_mse) if math.isfinite(e)]
    if len(finite) < len(degrees):
        warnings.warn(f"{len(degrees) - len(finite)} degree(s) with an infinite test error "
                      "ignored", stacklevel=2)
    best = min(e for _, e in finite)
    return max(d for d, e in finite if e <= best * (1 + rtol))
