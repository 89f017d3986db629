"""Small seeded synthetic data sets for the course experiments."""

from __future__ import annotations

import numpy as np

__all__ = [
    "linear_regression_data",
    "noisy_function_data",
    "true_function",
    "two_class_2d",
]


def _check_count(name: str, value: int, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}.")


def _check_non_negative(name: str, value: float) -> None:
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}.")


def true_function(x: np.ndarray | float) -> np.ndarray:
    """The function behind ``noisy_function_data``: sin(2 pi x)."""
    return np.sin(2 * np.pi * np.asarray(x, dtype=float))


def noisy_function_data(
    n: int,
    noise: float = 0.25,
    seed: int = 0,
    x_range: tuple[float, float] = (0.0, 1.0),
) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(x, y)``: n sorted uniform points in ``x_range`` and noisy ``true_function(x)``.

    ``y = sin(2 pi x) + N(0, noise**2)``; used for the polynomial over-fitting experiments.
    """
    _check_count("n", n, 1)
    _check_non_negative("noise", noise)
    low, high = x_range
    if not low < high:
        raise ValueError(f"x_range must be (low, high) with low < high, got {x_range!r}.")
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(low, high, size=n))
    y = true_function(x) + rng.normal(0.0, noise, size=n)
    return x, y


def two_class_2d(n: int = 400, noise: float = 0.2, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(X, y)``: two interleaved half-moons, X of shape (n, 2), y in {0, 1}.

    The classes are balanced (they differ by at most one point) and are not linearly
    separable, so a network needs a hidden layer to classify them well.
    """
    _check_count("n", n, 2)
    _check_non_negative("noise", noise)
    rng = np.random.default_rng(seed)
    n0 = n // 2
    n1 = n - n0
    t0 = rng.uniform(0.0, np.pi, size=n0)
    t1 = rng.uniform(0.0, np.pi, size=n1)
    upper = np.column_stack([np.cos(t0), np.sin(t0)])
    lower = np.column_stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)])
    X = np.vstack([upper, lower]) + rng.normal(0.0, noise, size=(n, 2))
    y = np.concatenate([np.zeros(n0, dtype=int), np.ones(n1, dtype=int)])
    order = rng.permutation(n)
    return X[order], y[order]


def linear_regression_data(
    n: int = 100,
    n_features: int = 1,
    noise: float = 0.5,
    n_outliers: int = 0,
    outlier_scale: float = 10.0,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return ``(X, y, w_true)`` with ``y = X @ w_true + N(0, noise**2)``.

    X has shape (n, n_features), uniform in [-2, 2]. With ``n_outliers > 0`` that many
    targets are shifted by offsets of size about ``outlier_scale`` (mostly upwards), so a
    least-squares fit is visibly pulled towards them.
    """
    _check_count("n", n, 1)
    _check_count("n_features", n_features, 1)
    _check_count("n_outliers", n_outliers, 0)
    _check_non_negative("noise", noise)
    _check_non_negative("outlier_scale", outlier_scale)
    if n_outliers > n:
        raise ValueError(f"n_outliers must be at most n = {n}, got {n_outliers}.")
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2.0, 2.0, size=(n, n_features))
    w_true = rng.choice([-1.0, 1.0], size=n_features) * rng.uniform(1.0, 3.0, size=n_features)
    y = X @ w_true + rng.normal(0.0, noise, size=n)
    if n_outliers:
        # Put the outliers on high-leverage points (large first feature) when there is
        # room, so they tilt the fitted slope rather than only shifting it.
        by_x = np.argsort(X[:, 0])
        pool = by_x[n // 2 :] if n_outliers <= n - n // 2 else by_x
        idx = rng.choice(pool, size=n_outliers, replace=False)
        signs = np.ones(n_outliers)
        signs[: n_outliers // 5] = -1.0  # about one in five goes down, the rest up
        y[idx] += signs * outlier_scale * rng.uniform(0.7, 1.3, size=n_outliers)
    return X, y, w_true
