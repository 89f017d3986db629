"""The steps a test may ask the student's kernel to take around its calls.

A test cell runs in the trusted kernel, but some checks only mean something
next to the student's code: a function that must not be used, warnings that
must not happen, a correct stand-in in place of a function the student wrote.
``utils.testing``'s ``forbid``, ``no_warnings``, ``stand_in`` and ``fp_errors``
ask for them by name (kind) with plain parameters; nothing else can be run here.

These steps run in the student's process, which the student controls: they keep
honest code honest (a forbidden function raises as it would in one kernel) and
cannot make a wrong answer right, since the verdict is computed elsewhere.
"""

from __future__ import annotations

import builtins
import contextlib
import importlib
import warnings
from collections.abc import Callable, Iterator
from typing import Any


def _where(where: Any, namespace: dict) -> Any:
    """The object a step acts on: a module or library class by name, the notebook's
    globals, or one of the notebook's objects."""
    if type(where) is not dict or len(where) != 1:
        raise ValueError("a student-side step needs one target")
    (kind, value), = where.items()
    if kind == "module":
        return importlib.import_module(str(value))
    if kind == "globals" and value is True:
        return namespace
    if kind == "object":
        return value
    if kind == "named":
        from .codec import resolve_library_name

        return resolve_library_name(str(value))
    raise ValueError(f"unknown target {kind!r}")


@contextlib.contextmanager
def _forbid(params: dict, namespace: dict) -> Iterator[None]:
    from utils.testing import local_forbid

    with local_forbid(_where(params["where"], namespace), *map(str, params["names"]),
                      reason=str(params.get("reason", ""))):
        yield


@contextlib.contextmanager
def _replace(params: dict, namespace: dict) -> Iterator[None]:
    from utils.testing import local_replace

    values = params["values"]
    if type(values) is not dict:
        raise ValueError("replacements must be given by name")
    with local_replace(_where(params["where"], namespace), values):
        yield


@contextlib.contextmanager
def _warnings_as_errors(params: dict, namespace: dict) -> Iterator[None]:
    """Warnings raise (the trusted side turns them into the test's message); NumPy too."""
    import numpy as np

    ignore = [getattr(builtins, str(name)) for name in params.get("ignore", ())
              if isinstance(getattr(builtins, str(name), None), type)]
    with warnings.catch_warnings(), np.errstate(all="raise", under="ignore"):
        warnings.simplefilter("error")
        for category in ignore:
            warnings.simplefilter("ignore", category)
        yield


@contextlib.contextmanager
def _fp_errors(params: dict, namespace: dict) -> Iterator[None]:
    import numpy as np

    allowed = {"all", "divide", "over", "under", "invalid"}
    settings = {str(k): str(v) for k, v in params.items() if k in allowed}
    with np.errstate(**settings):
        yield


STEPS: dict[str, Callable[[dict, dict], contextlib.AbstractContextManager]] = {
    "forbid": _forbid,
    "replace": _replace,
    "no_warnings": _warnings_as_errors,
    "fp_errors": _fp_errors,
}


def enter(kind: str, params: Any, namespace: dict) -> contextlib.ExitStack:
    """Enter the step `kind`; closing the returned stack leaves it."""
    if kind not in STEPS:
        raise ValueError(f"unknown student-side step {kind!r}; known: {sorted(STEPS)}")
    if type(params) is not dict:
        raise ValueError("a student-side step takes its parameters by name")
    stack = contextlib.ExitStack()
    stack.enter_context(STEPS[kind](params, namespace))
    return stack
