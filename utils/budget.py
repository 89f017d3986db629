"""How much training each notebook experiment does: the one place that decides it.

The numbers are in ``budgets.toml`` beside this module (one table per experiment and
mode); this module reads and checks them and picks the mode.

There are two modes:

- ``"full"``: interactive work by students and self-study; the real experiment.
- ``"grading"``: a quick run while nbgrader autogrades or validates a notebook, and in
  pytest.

Notebooks ask for their numbers with ``get_budget("hw1_timing")`` and print
``describe_budget("hw1_timing")`` so students can see which mode they run in.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

__all__ = ["BUDGETS", "MODES", "Budget", "budget_mode", "describe_budget", "get_budget",
           "read_budgets"]

MODES = ("full", "grading")


@dataclass(frozen=True)
class Budget:
    """Training budget of one experiment in one mode.

    ``train_size`` / ``validation_size`` of ``None`` mean all available samples;
    ``grid`` optionally lists sizes for timing or experiment grids.
    """

    epochs: int
    train_size: int | None = None
    validation_size: int | None = None
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


BUDGETS_FILE = Path(__file__).with_name("budgets.toml")
_FIELDS = {f.name for f in fields(Budget)}


def _type_problem(key: str, value: object) -> str | None:
    """What is wrong with the type of `value` for the Budget field `key`, or None."""
    if key == "note":
        return None if isinstance(value, str) else "a string in quotes"
    if key == "grid":
        whole = isinstance(value, list) and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value)
        return None if whole else "a list of whole numbers, e.g. [200, 400]"
    return None if isinstance(value, int) and not isinstance(value, bool) else "a whole number"


def read_budgets(path: Path = BUDGETS_FILE) -> dict[str, dict[str, Budget]]:
    """The budgets of `path` (``utils/budgets.toml``): one table per experiment and mode.

    Raises:
        ValueError: naming the file and the table, for a mode missing or unknown, a key
            Budget does not have, a value of the wrong type or out of range (invalid TOML
            is tomllib's TOMLDecodeError, a ValueError too).
    """
    with open(path, "rb") as file:
        tables = tomllib.load(file)
    budgets = {}
    for name, modes in tables.items():
        if not isinstance(modes, dict) or set(modes) != set(MODES):
            found = sorted(modes) if isinstance(modes, dict) else modes
            raise ValueError(f"{path}: budget {name!r} needs exactly the tables "
                             f"[{name}.full] and [{name}.grading], found {found}")
        budgets[name] = {}
        for mode, entry in modes.items():
            unknown = set(entry) - _FIELDS
            if unknown or "epochs" not in entry:
                raise ValueError(f"{path}: [{name}.{mode}] needs 'epochs' and may have only "
                                 f"{sorted(_FIELDS)}; it has {sorted(entry)}")
            for key, value in entry.items():
                if problem := _type_problem(key, value):
                    raise ValueError(f"{path}: [{name}.{mode}] {key} should be {problem}, "
                                     f"got {value!r}")
            try:
                budgets[name][mode] = Budget(**{**entry, "grid": tuple(entry.get("grid", ()))})
            except ValueError as error:
                raise ValueError(f"{path}: [{name}.{mode}]: {error}") from None
    return budgets


BUDGETS: dict[str, dict[str, Budget]] = read_budgets()


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
