# replaces: dropout
# why: correct inverted dropout that emits a UserWarning (warnings.warn) when p = 0
import warnings


def dropout(x, p, training, rng):
    if not training:
        return x, np.ones_like(x)
    if p == 0:
        warnings.warn("dropout with p = 0 keeps every unit: it does nothing", stacklevel=2)
    mask = (rng.random(np.shape(x)) >= p).astype(float)
    return x * mask / (1 - p), mask
