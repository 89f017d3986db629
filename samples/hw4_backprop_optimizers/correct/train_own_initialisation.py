# replaces: train
# why: initialises with its own Xavier-scaled weights instead of calling init_params
# patch:
#-    """Full-batch gradient descent on the BCE. Returns (params, costs), one cost per epoch."""
#-    params = init_params(X.shape[0], n_h, 1, seed)
#+    rng = np.random.default_rng(seed)
#+    n_x = X.shape[0]
#+    params = {"W1": rng.normal(size=(n_h, n_x)) / np.sqrt(n_x), "b1": np.zeros((n_h, 1)),
#+              "W2": rng.normal(size=(1, n_h)) / np.sqrt(n_h), "b2": np.zeros((1, 1))}
#@
#-        for key in params:
#-            params[key] = params[key] - lr * grads["d" + key]
#+        params = {k: v - lr * grads["d" + k] for k, v in params.items()}
