"""Tests for utils.synthetic."""

import numpy as np
import pytest

from utils.synthetic import (
    linear_regression_data,
    noisy_function_data,
    true_function,
    two_class_2d,
)


def least_squares(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Weights of a least-squares fit with an intercept column appended."""
    A = np.column_stack([X, np.ones(len(X))])
    return np.linalg.lstsq(A, y, rcond=None)[0]


def test_true_function():
    np.testing.assert_allclose(
        true_function(np.array([0.0, 0.25, 0.5, 0.75])), [0, 1, 0, -1], atol=1e-12
    )


def test_noisy_function_data():
    x, y = noisy_function_data(30, noise=0.1, seed=1, x_range=(-1.0, 2.0))
    assert x.shape == y.shape == (30,)
    assert np.all(np.diff(x) >= 0) and x.min() >= -1.0 and x.max() <= 2.0
    residual = y - true_function(x)
    assert 0.03 < residual.std() < 0.3
    exact_x, exact_y = noisy_function_data(30, noise=0.0, seed=1, x_range=(-1.0, 2.0))
    np.testing.assert_array_equal(exact_x, x)
    np.testing.assert_allclose(exact_y, true_function(x))


@pytest.mark.parametrize(
    "make", [noisy_function_data, two_class_2d, linear_regression_data], ids=lambda f: f.__name__
)
def test_seeded(make):
    first, again, other = make(50, seed=7), make(50, seed=7), make(50, seed=8)
    for a, b in zip(first, again, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[1], other[1])


@pytest.mark.parametrize("n", [400, 101])
def test_two_class_2d_shape_and_balance(n):
    X, y = two_class_2d(n)
    assert X.shape == (n, 2) and X.dtype == np.float64
    assert y.shape == (n,) and set(np.unique(y)) == {0, 1}
    assert abs(int(y.sum()) - (n - y.sum())) <= 1
    assert 0 < y[: n // 2].mean() < 1  # shuffled, not sorted by class


def test_two_class_2d_not_linearly_separable():
    X, y = two_class_2d(400)
    w = least_squares(X, 2.0 * y - 1.0)
    linear_accuracy = np.mean((np.column_stack([X, np.ones(len(X))]) @ w > 0) == y)
    assert 0.7 < linear_accuracy < 0.93
    # ... while a nearest-neighbour rule (a non-linear boundary) does much better.
    distances = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1)
    np.fill_diagonal(distances, np.inf)
    knn_accuracy = np.mean(y[distances.argmin(axis=1)] == y)
    assert knn_accuracy > linear_accuracy + 0.05


def test_linear_regression_data():
    X, y, w = linear_regression_data(200, n_features=3, noise=0.5, seed=2)
    assert X.shape == (200, 3) and y.shape == (200,) and w.shape == (3,)
    assert np.all(np.abs(w) >= 1.0)
    residual = y - X @ w
    assert 0.3 < residual.std() < 0.7
    np.testing.assert_allclose(least_squares(X, y)[:3], w, atol=0.2)


def test_linear_regression_outliers():
    X, y, w = linear_regression_data(100, noise=0.5, n_outliers=10, outlier_scale=10.0, seed=0)
    X0, y0, w0 = linear_regression_data(100, noise=0.5, seed=0)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(w, w0)
    shift = y - y0
    outliers = np.abs(shift) > 0
    assert outliers.sum() == 10
    assert np.all(np.abs(shift[outliers]) >= 5.0)
    assert (shift[outliers] > 0).sum() >= 7  # mostly the same sign
    # Least squares is visibly pulled by the outliers, but not without them.
    pulled = abs(least_squares(X, y)[0] - w[0])
    clean = abs(least_squares(X0, y0)[0] - w[0])
    assert pulled > 0.3 and pulled > 5 * clean


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: noisy_function_data(0), "n must be"),
        (lambda: noisy_function_data(5, noise=-1), "noise must be"),
        (lambda: noisy_function_data(5, x_range=(1, 0)), "low < high"),
        (lambda: two_class_2d(1), "n must be"),
        (lambda: linear_regression_data(10, n_outliers=11), "n_outliers must be at most"),
        (lambda: linear_regression_data(10, n_features=0), "n_features must be"),
        (lambda: linear_regression_data(10.5), "n must be"),
    ],
)
def test_invalid_arguments(call, fragment):
    with pytest.raises(ValueError, match=fragment):
        call()
