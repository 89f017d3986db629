"""Tests of utils.plotting (headless, Agg backend)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure

from utils.plotting import (
    plot_class_probabilities,
    plot_decision_boundary,
    plot_error_curves,
    plot_fitted_curves,
    plot_image_grid,
    plot_learning_curves,
)

CLASSES = [f"c{i}" for i in range(10)]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def render(fig: Figure) -> None:
    """Draw the figure once, which catches errors that only show up at draw time."""
    fig.canvas.draw()


# ------------------------------------------------------------------ learning curves


def test_learning_curves_pairs_train_and_validation():
    history = {
        "loss": [1.0, 0.8, 0.6],
        "val_loss": [1.1, 0.9, 0.8],
        "accuracy": [0.5, 0.6, 0.7],
        "val_accuracy": [0.4, 0.5, 0.6],
    }
    fig = plot_learning_curves(history, title="run 1")
    render(fig)
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 2
    loss_ax, acc_ax = fig.axes
    assert [line.get_label() for line in loss_ax.get_lines()] == ["train", "validation"]
    assert list(loss_ax.get_lines()[0].get_xdata()) == [1, 2, 3]  # epochs start at 1
    assert loss_ax.get_xlabel() == "epoch" and loss_ax.get_title() == "Loss"
    assert acc_ax.get_legend() is not None
    assert fig.get_suptitle() == "run 1"


def test_learning_curves_train_test_prefixes_and_unpaired_keys():
    history = {"train_loss": [3, 2], "test_loss": [3, 2.5], "test_accuracy": [0.1, 0.2]}
    fig = plot_learning_curves(history)
    assert len(fig.axes) == 2
    assert [line.get_label() for line in fig.axes[0].get_lines()] == ["train", "test"]
    assert len(fig.axes[1].get_lines()) == 1


def test_learning_curves_accepts_keras_history_like_object():
    class History:
        history = {"loss": [1.0, 0.5]}

    assert len(plot_learning_curves(History()).axes) == 1


def test_learning_curves_bad_input():
    with pytest.raises(ValueError, match="history"):
        plot_learning_curves({})
    with pytest.raises(ValueError, match=r"different lengths.*'loss'.*'val_loss'"):
        plot_learning_curves({"loss": [1, 2, 3], "val_loss": [1, 2]})


# ------------------------------------------------------------------------- images


def test_image_grid_shapes_titles_and_wrong_predictions():
    images = np.random.default_rng(0).random((10, 28, 28))
    labels = np.arange(10)
    predictions = labels.copy()
    predictions[3] = 4
    fig = plot_image_grid(images, labels, CLASSES, predictions, n_cols=4, title="samples")
    render(fig)
    assert len(fig.axes) == 10  # 3 rows of 4, the two unused cells removed
    assert all(len(ax.get_images()) == 1 for ax in fig.axes)
    assert fig.axes[0].get_xticks().size == 0
    assert fig.axes[0].get_title() == "c0"
    wrong = fig.axes[3].title
    assert "c4" in wrong.get_text() and "true: c3" in wrong.get_text()
    assert matplotlib.colors.same_color(wrong.get_color(), "tab:red")
    assert fig.axes[0].get_images()[0].get_cmap().name == "gray"


def test_image_grid_flat_images_and_labels_only():
    fig = plot_image_grid(np.zeros((3, 784)), labels=[1, 2, 3])
    assert len(fig.axes) == 3
    assert fig.axes[0].get_images()[0].get_array().shape == (28, 28)
    assert fig.axes[2].get_title() == "3"


def test_image_grid_bad_input():
    with pytest.raises(ValueError, match="not a square"):
        plot_image_grid(np.zeros((2, 780)))
    with pytest.raises(ValueError, match="labels should have 2 entries"):
        plot_image_grid(np.zeros((2, 28, 28)), labels=[1, 2, 3])
    with pytest.raises(ValueError, match="out of range"):
        plot_image_grid(np.zeros((1, 28, 28)), labels=[12], class_names=CLASSES)


def test_class_probabilities():
    probs = np.full(10, 0.02)
    probs[7] = 0.82
    fig = plot_class_probabilities(np.zeros(784), probs, CLASSES, true_label=2)
    render(fig)
    assert len(fig.axes) == 2
    img_ax, bar_ax = fig.axes
    assert len(img_ax.get_images()) == 1
    bars = bar_ax.patches
    assert len(bars) == 10
    assert matplotlib.colors.same_color(bars[7].get_facecolor(), "tab:red")  # wrong prediction
    assert matplotlib.colors.same_color(bars[2].get_facecolor(), "tab:green")  # true class
    assert "c2 (true)" in [t.get_text() for t in bar_ax.get_yticklabels()]
    assert "c7" in bar_ax.get_title()


def test_class_probabilities_bad_input():
    with pytest.raises(ValueError, match=r"one entry per class \(10\).*\(3,\)"):
        plot_class_probabilities(np.zeros((28, 28)), [0.2, 0.3, 0.5], CLASSES)
    with pytest.raises(ValueError, match="logits"):
        plot_class_probabilities(np.zeros((28, 28)), np.linspace(-2, 2, 10), CLASSES)


# ------------------------------------------------------------------ curves and data


def test_fitted_curves_callable_and_pair():
    x = np.linspace(0, 1, 20)
    y = 2 * x + 1
    fits = {"line": lambda t: 2 * t + 1, "points": ([1, 0], [3, 1]), "const": lambda t: 2.0}
    fig = plot_fitted_curves(x, y, fits, title="fits")
    render(fig)
    (ax,) = fig.axes
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["line", "points", "const"]
    assert len(lines[0].get_xdata()) == 300
    assert list(lines[1].get_xdata()) == [0, 1]  # pair sorted by x
    assert len(ax.collections) == 1  # the scatter of the data


def test_fitted_curves_bad_input():
    with pytest.raises(ValueError, match="same length"):
        plot_fitted_curves([1, 2], [1, 2, 3], {})
    with pytest.raises(ValueError, match=r"returned shape \(2,\)"):
        plot_fitted_curves([0, 1], [0, 1], {"bad": lambda t: np.zeros(2)})
    with pytest.raises(TypeError, match="callable or an"):
        plot_fitted_curves([0, 1], [0, 1], {"bad": 3})


def test_decision_boundary_with_labels_and_probabilities():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    y = (X[:, 0] > 0).astype(int)
    fig = plot_decision_boundary(lambda P: (P[:, 0] > 0).astype(int), X, y, resolution=50)
    render(fig)
    (ax,) = fig.axes
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert [c.get_label() for c in scatters] == ["class 0", "class 1"]
    assert len(ax.collections) == 3  # the filled regions and one scatter per class
    fig2 = plot_decision_boundary(lambda P: 1 / (1 + np.exp(-P[:, 0])), X, y, resolution=20)
    assert len(fig2.axes) == 1


def test_decision_boundary_bad_input():
    with pytest.raises(ValueError, match=r"\(n, 2\).*\(2, 3\)"):
        plot_decision_boundary(lambda P: P[:, 0], np.zeros((2, 3)), [0, 1])
    with pytest.raises(ValueError, match="one label per row"):
        plot_decision_boundary(lambda P: P[:, 0], np.zeros((3, 2)), [0, 1])
    with pytest.raises(ValueError, match="one value per row"):
        plot_decision_boundary(lambda P: np.zeros(3), np.eye(2), [0, 1], resolution=10)


def test_error_curves():
    sizes = [10, 100, 1000]
    curves = {"train": [0.1, 0.05, 0.02], "test": [0.5, 0.3, 0.1]}
    fig = plot_error_curves(sizes, curves, xlabel="training samples", logx=True, logy=True)
    render(fig)
    (ax,) = fig.axes
    assert len(ax.get_lines()) == 2
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert ax.get_lines()[0].get_marker() == "o"
    assert ax.get_xlabel() == "training samples" and ax.get_ylabel() == "error"


def test_error_curves_bad_input():
    with pytest.raises(ValueError, match=r"curves\['test'\] has 2 values but x has 3"):
        plot_error_curves([1, 2, 3], {"train": [1, 2, 3], "test": [1, 2]}, xlabel="k")
    with pytest.raises(ValueError, match="empty"):
        plot_error_curves([1, 2, 3], {}, xlabel="k")
    with pytest.raises(ValueError, match="log y axis"):
        plot_error_curves([1, 2], {"train": [0.0, 1.0]}, xlabel="k", logy=True)
