"""Plots used by the notebooks.

Every function creates its figure with ``matplotlib.pyplot.subplots`` (so Jupyter's
inline backend displays it) and returns the ``Figure`` without calling ``plt.show()``;
everything works headless with the Agg backend. Bad input raises ``ValueError`` (or
``TypeError`` for values that are not numbers) with a message saying what was expected.

In a notebook, end a line that only calls a plot function with ``;`` (or assign the
result) so that the figure is not displayed twice.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from utils.testing import as_array

__all__ = [
    "plot_class_probabilities",
    "plot_decision_boundary",
    "plot_error_curves",
    "plot_fitted_curves",
    "plot_image_grid",
    "plot_learning_curves",
]

_SERIES_PREFIXES = {"val_": "validation", "train_": "train", "test_": "test"}
_CORRECT, _WRONG, _TRUE = "tab:blue", "tab:red", "tab:green"


def _numbers(value: Any, name: str, ndim: int | None = None) -> np.ndarray:
    """``value`` as a float array (lists, NumPy, torch, TF); TypeError/ValueError if not."""
    try:
        arr = as_array(value, name)
    except AssertionError as exc:
        raise TypeError(str(exc)) from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} should be a {ndim}-d array, got shape {arr.shape}")
    return arr


def _labels(value: Any, name: str, n: int) -> np.ndarray:
    """Integer class labels; one-hot rows or per-class probabilities become their argmax."""
    arr = _numbers(value, name)
    if arr.ndim == 2:
        arr = arr.argmax(axis=1)
    if arr.shape != (n,):
        raise ValueError(f"{name} should have {n} entries (one per image), got shape {arr.shape}")
    return arr.astype(int)


def _class_name(label: int, class_names: Sequence[str] | None) -> str:
    if class_names is None:
        return str(label)
    if not 0 <= label < len(class_names):
        raise ValueError(f"label {label} is out of range for {len(class_names)} class names")
    return str(class_names[label])


def _square(flat_size: int, shape: tuple[int, ...]) -> int:
    side = math.isqrt(flat_size)
    if side * side != flat_size:
        raise ValueError(
            f"cannot reshape images of shape {shape} to squares: {flat_size} is not a square number"
        )
    return side


def _image_batch(images: Any) -> np.ndarray:
    """(n, h, w) from (n, h, w), (n, h*w), (n, h, w, 1) or (n, 1, h, w)."""
    arr = _numbers(images, "images")
    if arr.ndim == 4 and 1 in (arr.shape[1], arr.shape[3]):
        arr = arr.reshape(arr.shape[0], *(d for d in arr.shape[1:] if d != 1))
    if arr.ndim == 2:
        side = _square(arr.shape[1], arr.shape)
        arr = arr.reshape(-1, side, side)
    if arr.ndim != 3 or arr.shape[0] == 0:
        raise ValueError(
            f"images should have shape (n, 28, 28) or (n, 784) with n >= 1, got {arr.shape}"
        )
    return arr


def _single_image(image: Any) -> np.ndarray:
    arr = _numbers(image, "image")
    if arr.ndim == 3 and 1 in (arr.shape[0], arr.shape[2]):
        arr = arr.reshape(*(d for d in arr.shape if d != 1))
    if arr.ndim == 1:
        side = _square(arr.size, arr.shape)
        arr = arr.reshape(side, side)
    if arr.ndim != 2:
        raise ValueError(f"image should have shape (28, 28) or (784,), got {arr.shape}")
    return arr


def _finish(fig: Figure, title: str | None) -> Figure:
    if title:
        fig.suptitle(title)
    return fig


# ----------------------------------------------------------------------- training curves


def _split_key(key: str) -> tuple[str, str]:
    """'val_loss' -> ('loss', 'validation'), 'loss' -> ('loss', 'train')."""
    for prefix, series in _SERIES_PREFIXES.items():
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :], series
    return key, "train"


def plot_learning_curves(
    history: Mapping[str, Sequence[float]], title: str | None = None
) -> Figure:
    """One subplot per quantity (loss, accuracy, ...), pairing ``x`` with ``val_x``.

    ``train_x`` and ``test_x`` keys are paired the same way; a Keras ``History`` object
    is accepted too. The x axis is the epoch, starting at 1.
    """
    if not isinstance(history, Mapping) and isinstance(getattr(history, "history", None), Mapping):
        history = history.history  # keras.callbacks.History
    if not isinstance(history, Mapping) or not history:
        found = list(history) if isinstance(history, Mapping) else type(history).__name__
        raise ValueError(
            f"history should map names such as 'loss' and 'val_loss' to one value per epoch, "
            f"got {found!r}"
        )
    groups: dict[str, dict[str, tuple[str, np.ndarray]]] = {}
    for key, values in history.items():
        arr = _numbers(values, f"history[{key!r}]", ndim=1)
        if arr.size == 0:
            raise ValueError(f"history[{key!r}] is empty; keys found: {list(history)}")
        quantity, series = _split_key(str(key))
        groups.setdefault(quantity, {})[series] = (str(key), arr)
    for quantity, series in groups.items():
        lengths = {key: arr.size for key, arr in series.values()}
        if len(set(lengths.values())) > 1:
            raise ValueError(
                f"the curves for {quantity!r} have different lengths {lengths}; "
                f"keys found: {list(history)}"
            )

    fig, axes = plt.subplots(
        1, len(groups), figsize=(5 * len(groups), 4), squeeze=False, layout="constrained"
    )
    for ax, (quantity, series) in zip(axes[0], groups.items(), strict=True):
        for label, (_, arr) in series.items():
            ax.plot(np.arange(1, arr.size + 1), arr, marker="o", markersize=3, label=label)
        pretty = quantity.replace("_", " ")
        ax.set_title(pretty.capitalize())
        ax.set_xlabel("epoch")
        ax.set_ylabel(pretty)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(True, alpha=0.3)
        ax.legend()
    return _finish(fig, title)


# -------------------------------------------------------------------------------- images


def plot_image_grid(
    images: Any,
    labels: Any = None,
    class_names: Sequence[str] | None = None,
    predictions: Any = None,
    n_cols: int = 8,
    title: str | None = None,
) -> Figure:
    """Show images in a grid in grey, titled with their (predicted) class names.

    ``images`` is (n, 28, 28) or (n, 784) (any square size works). ``labels`` and
    ``predictions`` are class indices (or one-hot / probability rows). With predictions,
    wrong ones are titled in red together with the true class.
    """
    batch = _image_batch(images)
    n = batch.shape[0]
    if n_cols < 1:
        raise ValueError(f"n_cols should be at least 1, got {n_cols}")
    true = None if labels is None else _labels(labels, "labels", n)
    pred = None if predictions is None else _labels(predictions, "predictions", n)

    cols = min(n_cols, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(
        rows, cols, figsize=(1.4 * cols, 1.6 * rows), squeeze=False, layout="constrained"
    )
    for i, ax in enumerate(axes.flat):
        if i >= n:
            fig.delaxes(ax)
            continue
        ax.imshow(batch[i], cmap="gray")
        ax.set_xticks([])
        ax.set_yticks([])
        if pred is not None:
            text = _class_name(pred[i], class_names)
            wrong = true is not None and pred[i] != true[i]
            if wrong:
                text += f"\n(true: {_class_name(true[i], class_names)})"
            ax.set_title(text, fontsize=8, color=_WRONG if wrong else "black")
        elif true is not None:
            ax.set_title(_class_name(true[i], class_names), fontsize=8)
    return _finish(fig, title)


def plot_class_probabilities(
    image: Any, probabilities: Any, class_names: Sequence[str], true_label: int | None = None
) -> Figure:
    """The image (left) and a horizontal bar chart of the class probabilities (right).

    The predicted class is highlighted (blue, or red when it differs from
    ``true_label``); the true class is drawn in green and marked "(true)".
    """
    img = _single_image(image)
    probs = _numbers(probabilities, "probabilities")
    if probs.ndim == 2 and probs.shape[0] == 1:
        probs = probs[0]
    if probs.ndim != 1 or probs.size != len(class_names):
        raise ValueError(
            f"probabilities should have one entry per class ({len(class_names)}), "
            f"got shape {probs.shape}"
        )
    if np.any(probs < 0) or np.any(probs > 1 + 1e-6):
        raise ValueError(
            "probabilities should lie in [0, 1] (did you pass logits? apply softmax first), "
            f"got values from {probs.min():.3g} to {probs.max():.3g}"
        )
    if true_label is not None and not 0 <= int(true_label) < len(class_names):
        raise ValueError(
            f"true_label should be a class index in 0..{len(class_names) - 1}, got {true_label}"
        )
    predicted = int(np.argmax(probs))
    true = None if true_label is None else int(true_label)

    colors = ["lightgrey"] * probs.size
    colors[predicted] = _WRONG if true is not None and true != predicted else _CORRECT
    if true is not None:
        colors[true] = _TRUE
    names = [str(c) + (" (true)" if i == true else "") for i, c in enumerate(class_names)]

    fig, (ax_img, ax_bar) = plt.subplots(
        1, 2, figsize=(9, 3.5), width_ratios=(1, 1.6), layout="constrained"
    )
    ax_img.imshow(img, cmap="gray")
    ax_img.set_xticks([])
    ax_img.set_yticks([])
    if true is not None:
        ax_img.set_title(f"true: {class_names[true]}")

    positions = np.arange(probs.size)
    ax_bar.barh(positions, probs, color=colors)
    ax_bar.set_yticks(positions, names)
    ax_bar.invert_yaxis()  # class 0 at the top
    ax_bar.set_xlim(0, 1)
    ax_bar.set_xlabel("probability")
    ax_bar.set_title(f"predicted: {class_names[predicted]} (p = {probs[predicted]:.2f})")
    ax_bar.grid(True, axis="x", alpha=0.3)
    handles = [Patch(color=colors[predicted], label="predicted")]
    if true is not None and true != predicted:
        handles.append(Patch(color=_TRUE, label="true"))
    ax_bar.legend(handles=handles, loc="lower right")
    return fig


# ---------------------------------------------------------------------- curves and data


def _evaluate_fit(name: str, fit: Callable[[np.ndarray], Any], xs: np.ndarray) -> np.ndarray:
    try:
        ys = fit(xs)
    except TypeError:
        ys = [fit(float(v)) for v in xs]  # not vectorised, e.g. uses math.sin
    arr = _numbers(ys, f"fits[{name!r}](x)")
    if arr.ndim == 0:
        arr = np.full(xs.shape, float(arr))  # a constant fit
    if arr.shape != xs.shape:
        raise ValueError(
            f"fits[{name!r}] returned shape {arr.shape} for an input of shape {xs.shape}; "
            "it should return one value per input"
        )
    return arr


def plot_fitted_curves(
    x: Any,
    y: Any,
    fits: Mapping[str, Callable[[np.ndarray], Any] | tuple[Any, Any]],
    title: str | None = None,
    xlabel: str = "x",
    ylabel: str = "y",
) -> Figure:
    """Scatter the data points and draw each fit as a line.

    A fit is a callable (evaluated on 300 points spanning the x range) or an ``(xs, ys)``
    pair of equal length.
    """
    xd = _numbers(x, "x", ndim=1)
    yd = _numbers(y, "y", ndim=1)
    if xd.size != yd.size or xd.size == 0:
        raise ValueError(
            f"x and y should be non-empty with the same length, got {xd.size} and {yd.size}"
        )
    fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
    ax.scatter(xd, yd, s=15, color="black", alpha=0.7, label="data", zorder=3)
    grid = np.linspace(xd.min(), xd.max(), 300)
    for name, fit in fits.items():
        if callable(fit):
            xs, ys = grid, _evaluate_fit(name, fit, grid)
        elif isinstance(fit, tuple) and len(fit) == 2:
            xs = _numbers(fit[0], f"fits[{name!r}][0]", ndim=1)
            ys = _numbers(fit[1], f"fits[{name!r}][1]", ndim=1)
            if xs.size != ys.size:
                raise ValueError(
                    f"fits[{name!r}] should be an (xs, ys) pair of equal length, "
                    f"got {xs.size} and {ys.size}"
                )
            order = np.argsort(xs, kind="stable")
            xs, ys = xs[order], ys[order]
        else:
            raise TypeError(
                f"fits[{name!r}] should be a callable or an (xs, ys) pair, got {type(fit).__name__}"
            )
        ax.plot(xs, ys, linewidth=2, label=str(name))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.grid(True, alpha=0.3)
    ax.legend()
    return fig


def plot_decision_boundary(
    predict: Callable[[np.ndarray], Any],
    X: Any,
    y: Any,
    resolution: int = 200,
    title: str | None = None,
) -> Figure:
    """Filled regions of the classes predicted over the plane, with the points on top.

    ``X`` is (n, 2), one point per row. ``predict`` takes an (m, 2) float array and
    returns labels, probabilities of class 1 (thresholded at 0.5) or one row of class
    probabilities per point.
    """
    points = _numbers(X, "X")
    if points.ndim != 2 or points.shape[1] != 2 or points.shape[0] == 0:
        raise ValueError(f"X should have shape (n, 2), one point per row, got {points.shape}")
    labels = _numbers(y, "y").reshape(-1)
    if labels.size != points.shape[0]:
        raise ValueError(
            f"y should have one label per row of X ({points.shape[0]}), got {labels.size}"
        )
    if resolution < 2:
        raise ValueError(f"resolution should be at least 2, got {resolution}")

    lo, hi = points.min(axis=0), points.max(axis=0)
    margin = np.where(hi > lo, 0.05 * (hi - lo), 0.5)
    xx, yy = np.meshgrid(
        np.linspace(lo[0] - margin[0], hi[0] + margin[0], resolution),
        np.linspace(lo[1] - margin[1], hi[1] + margin[1], resolution),
    )
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    out = _numbers(predict(grid), "predict(X)")
    if out.ndim == 2 and out.shape[1] > 1:
        out = out.argmax(axis=1)
    out = out.reshape(-1) if out.size == grid.shape[0] else out
    if out.shape != (grid.shape[0],):
        raise ValueError(
            f"predict should return one value per row of its (m, 2) input, "
            f"got shape {out.shape} for m = {grid.shape[0]}"
        )
    if not np.all(out == np.round(out)):
        out = (out >= 0.5).astype(float)  # probabilities of class 1

    classes = np.unique(np.concatenate([labels, out]))
    cmap = ListedColormap(plt.get_cmap("tab10").colors[: max(len(classes), 2)])
    region = np.searchsorted(classes, out).reshape(xx.shape)

    fig, ax = plt.subplots(figsize=(6, 5), layout="constrained")
    ax.contourf(xx, yy, region, levels=np.arange(len(classes) + 1) - 0.5, cmap=cmap, alpha=0.3)
    for k, cls in enumerate(classes):
        mask = labels == cls
        if mask.any():
            ax.scatter(
                points[mask, 0],
                points[mask, 1],
                s=20,
                color=cmap(k),
                edgecolor="black",
                linewidth=0.5,
                label=f"class {cls:g}",
            )
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title or "Decision boundary")
    ax.legend()
    ax.grid(True, alpha=0.3)
    return fig


def plot_error_curves(
    x: Any,
    curves: Mapping[str, Sequence[float]],
    xlabel: str,
    ylabel: str = "error",
    title: str | None = None,
    logy: bool = False,
    logx: bool = False,
) -> Figure:
    """One line with markers per curve (e.g. train vs test error) against ``x``."""
    xs = _numbers(x, "x", ndim=1)
    if not curves:
        raise ValueError("curves is empty; expected e.g. {'train': [...], 'test': [...]}")
    if logx and np.any(xs <= 0):
        raise ValueError("cannot use a log x axis: x has values <= 0")
    fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
    for name, values in curves.items():
        ys = _numbers(values, f"curves[{name!r}]", ndim=1)
        if ys.size != xs.size:
            raise ValueError(
                f"curves[{name!r}] has {ys.size} values but x has {xs.size}; "
                "they should have the same length"
            )
        if logy and np.any(ys <= 0):
            raise ValueError(f"cannot use a log y axis: curves[{name!r}] has values <= 0")
        ax.plot(xs, ys, marker="o", label=str(name))
    if logx:
        ax.set_xscale("log")
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.grid(True, which="both" if logx or logy else "major", alpha=0.3)
    ax.legend()
    return fig
