# replaces: train_epoch
# why: lets Keras take each step with train_on_batch (after compiling with the optimiser it
# is given) under a plain `from tqdm import tqdm` bar, weighting each batch loss by its size
from tqdm import tqdm


def train_epoch(model, dataset, optimizer):
    model.compile(optimizer=optimizer, loss="mse")
    losses, sizes = [], []
    for x, y in tqdm(dataset):
        losses.append(float(model.train_on_batch(x, y)))
        sizes.append(len(x))
    return float(np.average(losses, weights=sizes))
