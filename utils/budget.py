"""How much training each notebook experiment does: the one place that decides it.

There are two modes:

- ``"full"``: interactive work by students and self-study; the real experiment.
- ``"grading"``: a quick run while nbgrader autogrades or validates a notebook, and in
  pytest.

Notebooks ask for their numbers with ``get_budget("hw1_timing")`` and print
``describe_budget("hw1_timing")`` so students can see which mode they run in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["BUDGETS", "MODES", "Budget", "budget_mode", "describe_budget", "get_budget"]

MODES = ("full", "grading")


@dataclass(frozen=True)
class Budget:
    """Training budget of one experiment in one mode.

    ``train_size`` / ``validation_size`` of ``None`` mean all available samples;
    ``grid`` optionally lists sizes for timing or experiment grids.
    """

    epochs: int
    train_size: int | None
    validation_size: int | None
    repeats: int = 1
    grid: tuple[int, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if self.epochs < 1:
            raise ValueError(f"epochs should be at least 1, got {self.epochs}")
        for field in ("train_size", "validation_size"):
            size = getattr(self, field)
            if size is not None and size < 1:
                raise ValueError(f"{field} should be None (all) or at least 1, got {size}")
        if self.repeats < 1:
            raise ValueError(f"repeats should be at least 1, got {self.repeats}")
        if any(size < 1 for size in self.grid):
            raise ValueError(f"grid sizes should be at least 1, got {self.grid}")


BUDGETS: dict[str, dict[str, Budget]] = {
    # hw1: time one training epoch for growing training-set sizes; repeats are averaged.
    "hw1_timing": {
        "full": Budget(
            epochs=1,
            train_size=8000,
            validation_size=None,
            repeats=3,
            grid=(1000, 2000, 4000, 8000),
            note="measures the time of one epoch for each training-set size in grid",
        ),
        "grading": Budget(
            epochs=1,
            train_size=400,
            validation_size=None,
            repeats=1,
            grid=(200, 400),
            note="two small sizes, one repeat: checks the code runs, not the timings",
        ),
    },
    # hw2: the Keras and the raw TensorFlow MLP, full-batch SGD steps on the same batch.
    "hw2_two_ways": {
        "full": Budget(
            epochs=300,
            train_size=512,
            validation_size=None,
            note="epochs = full-batch SGD steps of each network on train_size samples",
        ),
        "grading": Budget(
            epochs=30,
            train_size=128,
            validation_size=None,
            note="a few steps: checks both networks train",
        ),
    },
    # hw2: the Keras MLP trained with make_minibatches and train_epoch (batches of 100).
    "hw2_minibatch_training": {
        "full": Budget(
            epochs=5,
            train_size=100_000,
            validation_size=10_000,
            note="1000 mini-batches of 100 per epoch",
        ),
        "grading": Budget(
            epochs=2,
            train_size=2000,
            validation_size=500,
            note="20 mini-batches per epoch: checks the loop runs",
        ),
    },
    # hw2: normal equations vs Keras gradient descent for growing feature counts (grid = d).
    "hw2_normal_equations": {
        "full": Budget(
            epochs=100,
            train_size=2000,
            validation_size=None,
            grid=(10, 50, 100, 200, 400, 800, 1600),
            note="grid = numbers of features; epochs = full-batch gradient-descent steps",
        ),
        "grading": Budget(
            epochs=20,
            train_size=200,
            validation_size=None,
            grid=(2, 8),
            note="two tiny problems: checks the experiment runs",
        ),
    },
    # hw4: full-batch, mini-batch and stochastic gradient descent on a linear regression.
    # hw3: the MNIST networks of hw3_networks.ipynb (784-128-64-10). The grading budget
    # is also the one the hidden learning tests train on ([784, 32, 10]).
    "hw3_scratch": {
        "full": Budget(
            epochs=10,
            train_size=None,
            validation_size=None,
            note="NumPy network on 50 000 images; passes 0.95 validation accuracy",
        ),
        "grading": Budget(
            epochs=3,
            train_size=2000,
            validation_size=1000,
            note="a quick run on a subset: checks that training runs and learns",
        ),
    },
    "hw3_pytorch": {
        "full": Budget(
            epochs=10,
            train_size=None,
            validation_size=None,
            note="PyTorch network on 50 000 images; passes 0.95 validation accuracy",
        ),
        "grading": Budget(
            epochs=3,
            train_size=2000,
            validation_size=1000,
            note="a quick run on a subset: checks that training runs and learns",
        ),
    },
    "hw3_tensorflow": {
        "full": Budget(
            epochs=10,
            train_size=None,
            validation_size=None,
            note="the repaired TensorFlow network on 50 000 images",
        ),
        "grading": Budget(
            epochs=3,
            train_size=2000,
            validation_size=1000,
            note="a quick run on a subset: checks that training runs",
        ),
    },
    "hw4_gd_variants": {
        "full": Budget(
            epochs=30,
            train_size=1000,
            validation_size=None,
            note="linear regression with 5 features, three gradient-descent variants",
        ),
        "grading": Budget(
            epochs=5,
            train_size=200,
            validation_size=None,
            note="fewer samples and epochs: checks the code runs",
        ),
    },
    # hw4: the 2-4-1 sigmoid network on the two half-moons, full-batch gradient descent.
    "hw4_bce_network": {
        "full": Budget(
            epochs=10000,
            train_size=400,
            validation_size=None,
            note="one full-batch gradient step per epoch",
        ),
        "grading": Budget(
            epochs=2000,
            train_size=400,
            validation_size=None,
            note="enough epochs for a clearly nonlinear boundary",
        ),
    },
    # hw5: the Fashion-MNIST MLP 784-256-128-64-10 (NAdam, batches of 128). The full budget
    # reaches 0.90 test accuracy in 30-45 s on 2 cores (bench/hw5_fashion_mnist.py).
    "hw5_fashion_mlp": {
        "full": Budget(
            epochs=16,
            train_size=None,
            validation_size=5000,
            note="55 000 training images; test accuracy on all 10 000 test images",
        ),
        "grading": Budget(
            epochs=2,
            train_size=20_000,
            validation_size=1000,
            note="a quick run on a subset: checks that training runs and learns",
        ),
    },
    # hw5: the 784-100-10 MLP trained with manual backprop and with autograd (batches of 100).
    "hw5_manual_backprop": {
        "full": Budget(
            epochs=5,
            train_size=10_000,
            validation_size=None,
            note="the same mini-batches for both trainings",
        ),
        "grading": Budget(
            epochs=1,
            train_size=1000,
            validation_size=None,
            note="ten mini-batches: checks that both trainings run and agree",
        ),
    },
    # hw5: gradient descent on the 1-4-1 ReLU network; repeats = random starts per data set.
    "hw5_relu_gd": {
        "full": Budget(
            epochs=8000,
            train_size=None,
            validation_size=None,
            repeats=6,
            note="epochs = gradient-descent steps of each run",
        ),
        "grading": Budget(
            epochs=200,
            train_size=None,
            validation_size=None,
            repeats=2,
            note="a few steps from two starts: checks the code runs",
        ),
    },
}


def budget_mode() -> str:
    """``"grading"`` under nbgrader (``NBGRADER_EXECUTION``), pytest or with
    ``COURSE_BUDGET=grading``; otherwise ``"full"``. ``COURSE_BUDGET=full`` wins over all.

    Raises:
        ValueError: if ``COURSE_BUDGET`` is set to something else.
    """
    forced = os.environ.get("COURSE_BUDGET", "").strip().lower()
    if forced:
        if forced not in MODES:
            raise ValueError(
                f"COURSE_BUDGET should be 'full' or 'grading' (or unset), "
                f"got {os.environ['COURSE_BUDGET']!r}"
            )
        return forced
    if "NBGRADER_EXECUTION" in os.environ or "PYTEST_CURRENT_TEST" in os.environ:
        return "grading"
    return "full"


def get_budget(name: str) -> Budget:
    """The budget of experiment ``name`` in the current mode.

    Raises:
        KeyError: if ``name`` is not in ``BUDGETS`` (the message lists the known names).
    """
    if name not in BUDGETS:
        known = ", ".join(repr(n) for n in sorted(BUDGETS))
        raise KeyError(f"unknown budget {name!r}; known budgets: {known}")
    return BUDGETS[name][budget_mode()]


def describe_budget(name: str) -> str:
    """One line for a notebook to print, e.g. ``Budget 'hw1_timing' (grading mode): ...``."""
    mode = budget_mode()
    b = get_budget(name)
    parts = [
        f"epochs={b.epochs}",
        f"train_size={'all' if b.train_size is None else b.train_size}",
        f"validation_size={'all' if b.validation_size is None else b.validation_size}",
        f"repeats={b.repeats}",
    ]
    if b.grid:
        parts.append(f"grid={b.grid}")
    text = f"Budget {name!r} ({mode} mode): " + ", ".join(parts)
    if b.note:
        text += f" - {b.note}"
    if mode == "grading":
        text += " [quick run; set COURSE_BUDGET=full for the full experiment]"
    return text
