# replaces: apply_standardizer
# why: a Keras Normalization layer with the given mean and variance (float32 results)
def apply_standardizer(X, mean, std):
    layer = keras.layers.Normalization(mean=np.asarray(mean), variance=np.asarray(std) ** 2)
    return np.asarray(layer(np.asarray(X, dtype=np.float32)))
