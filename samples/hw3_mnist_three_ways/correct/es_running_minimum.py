# replaces: early_stopping_epoch
# why: vectorised: marks improvements against the running minimum, then finds the first long gap
def early_stopping_epoch(val_losses, patience):
    v = np.asarray(val_losses, dtype=float)
    improves = np.ones(len(v), dtype=bool)
    improves[1:] = v[1:] < np.minimum.accumulate(v)[:-1]
    last = len(v) - 1
    since = 0
    for t in range(1, len(v)):
        since = 0 if improves[t] else since + 1
        if since == patience:
            last = t
            break
    return int(np.flatnonzero(improves[: last + 1])[-1])
