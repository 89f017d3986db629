"""Helpers for the notebooks' public and hidden test cells.

Every check raises ``AssertionError`` with a message meant for students: it says what
was wrong (type, shape, value, which element) and what was expected.

A student's value is never compared as it is: its ``__eq__``, ``__bool__``, ``__len__``,
``shape`` or ``dtype`` may say anything. Each helper first turns it into plain data
(a float64 NumPy array, a Python ``float``, ``int`` or ``str``, a plain ``dict``) and
compares that. Types are read with ``type(value)``, which an object cannot fake, not
with ``isinstance``, which a ``__class__`` property can fool.

This module imports only NumPy: torch and TensorFlow values are recognised through
``sys.modules``, so neither framework is imported just to check an answer.
"""

from __future__ import annotations

import importlib
import numbers
import operator
import reprlib
import sys
import warnings
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any

import numpy as np

__all__ = [
    "as_array",
    "as_dict",
    "as_float",
    "as_int",
    "as_str",
    "assert_close",
    "assert_finite",
    "assert_rel_error",
    "assert_shape",
    "assert_type",
    "check_gradient",
    "forbid",
    "fp_errors",
    "is_instance",
    "module_beside",
    "no_warnings",
    "numerical_gradient",
    "numerical_gradient_array",
    "on_student_side",
    "rel_error",
    "stand_in",
    "student_module",
    "student_value",
]

_NUMERIC_KINDS = "biuf"  # bool, signed int, unsigned int, float
_MODULE_ALIASES = {"numpy": "np", "tensorflow": "tf", "matplotlib.pyplot": "plt"}


# --------------------------------------------------------------------------- conversion


def _plain_str(value: Any, default: str = "") -> str:
    """``value`` as an exact ``str`` if it is one (also a subclass), else ``default``.

    ``str.__str__`` returns the characters stored, whatever the subclass's ``__str__``,
    ``__eq__`` or ``__hash__`` say.
    """
    return str.__str__(value) if issubclass(type(value), str) else default


def _type_name(tp: type) -> str:
    """Short name of a type for messages: ``float``, ``np.ndarray``, ``torch.Tensor``."""
    # A class chooses its own __module__ and __qualname__: use them only as plain text.
    module = _plain_str(getattr(tp, "__module__", None))
    qualname = _plain_str(getattr(tp, "__qualname__", None), "<unnamed type>")
    if module == "builtins":
        return qualname
    top = module.partition(".")[0]
    if top in ("numpy", "tensorflow"):
        return f"{_MODULE_ALIASES[top]}.{qualname}"
    return f"{module}.{qualname}" if module else qualname


def _describe(value: Any) -> str:
    """What a value is, for 'got ...' in messages (type, plus dtype for arrays)."""
    if _student_kernel is not None and _student_kernel.is_remote(value):
        return _student_kernel.type_name(value)
    if issubclass(type(value), np.ndarray):
        # np.asarray gives a plain ndarray, whose dtype a subclass cannot override.
        return f"{_type_name(type(value))} with dtype {np.asarray(value).dtype}"
    return _type_name(type(value))


def _not_numeric(value: Any, name: str) -> AssertionError:
    return AssertionError(
        f"`{name}` should be a number or an array of numbers, got {_describe(value)}"
    )


def _converted(convertible: Any, original: Any, name: str) -> np.ndarray:
    """``np.asarray(convertible)`` as float64, or an AssertionError naming `original`."""
    try:
        arr = np.asarray(convertible)
    except Exception as exc:
        raise AssertionError(
            f"`{name}` ({_describe(original)}) cannot be converted to an array: {exc}"
        ) from exc
    return _from_ndarray(arr, original, name)


def _from_ndarray(arr: np.ndarray, original: Any, name: str) -> np.ndarray:
    if arr.dtype.kind in _NUMERIC_KINDS:
        return np.array(arr, dtype=np.float64)
    if arr.dtype.kind == "O":
        # Object arrays hold arbitrary Python objects: convert each one as a scalar.
        out = np.empty(arr.shape, dtype=np.float64)
        for index, item in np.ndenumerate(arr):
            item_name = f"{name}[{', '.join(map(str, index))}]"
            if item is original:  # e.g. __array__ returning an array that holds the object
                raise _not_numeric(original, item_name)
            out[index] = as_float(item, item_name)
        return out
    raise _not_numeric(original, name)


def _from_torch(value: Any, torch: Any, name: str) -> np.ndarray:
    try:
        # A subclass's methods and __torch_function__ are bypassed: torch.Tensor's own
        # detach gives a plain tensor with the same data (also for nn.Parameter).
        with torch._C.DisableTorchFunctionSubclass():
            tensor = torch.Tensor.detach(value)
            if tensor.is_complex():
                raise _not_numeric(value, name)
            # Going through float64 also handles dtypes NumPy lacks (bfloat16).
            return np.array(tensor.cpu().to(torch.float64).numpy(), dtype=np.float64)
    except AssertionError:
        raise
    except Exception as exc:
        raise AssertionError(
            f"`{name}` is a torch.Tensor that cannot be converted to numbers: {exc}"
        ) from exc


def _from_sequence(value: list | tuple, name: str) -> np.ndarray:
    try:
        items = list(value)  # one pass: NumPy and the loop below see the same elements
    except Exception as exc:
        raise AssertionError(
            f"`{name}` ({_describe(value)}) cannot be read element by element: {exc}"
        ) from exc
    try:
        arr = np.asarray(items)
    except Exception:
        arr = None  # ragged, or holds tensors that refuse conversion: go element by element
    if arr is not None and arr.dtype.kind in _NUMERIC_KINDS:
        return np.array(arr, dtype=np.float64)
    parts = []
    for i, item in enumerate(items):
        if item is value:
            raise _not_numeric(value, f"{name}[{i}]")
        parts.append(as_array(item, f"{name}[{i}]"))
    if not parts:
        return np.zeros(0)
    first = parts[0].shape
    for i, part in enumerate(parts):
        if part.shape != first:
            raise AssertionError(
                f"`{name}` is ragged: element 0 has shape {first} but element {i} has shape "
                f"{part.shape}; all elements should have the same shape"
            )
    return np.stack(parts)


def as_array(value: Any, name: str = "value") -> np.ndarray:
    """Return ``value`` as a new float64 NumPy array.

    Accepts Python numbers, (nested) lists and tuples, NumPy arrays and scalars, torch
    tensors (also with ``requires_grad``) and TensorFlow tensors and variables. The
    object's ``__eq__`` is never called, so a value cannot pass a check by overriding it;
    an object is judged on the numbers it converts to (``float(x)``, ``np.asarray(x)``).

    Raises:
        AssertionError: if ``value`` is not numeric.
    """
    try:
        return _as_array(value, name)
    except RecursionError:
        raise AssertionError(
            f"`{name}` ({_describe(value)}) cannot be converted to numbers: converting it "
            "leads back to itself"
        ) from None


def _as_array(value: Any, name: str) -> np.ndarray:
    kind = type(value)  # not value.__class__, which an object can fake
    torch = sys.modules.get("torch")
    if torch is not None and issubclass(kind, torch.Tensor):
        return _from_torch(value, torch, name)
    tf = sys.modules.get("tensorflow")
    if tf is not None and issubclass(kind, tf.Tensor | tf.Variable):
        try:
            value_np = value.numpy()
        except Exception as exc:
            raise AssertionError(
                f"`{name}` is a TensorFlow tensor without a value (symbolic tensor?): {exc}"
            ) from exc
        if value_np is value:
            raise _not_numeric(value, name)
        return _converted(value_np, value, name)
    if issubclass(kind, np.ndarray | np.generic):
        # np.asarray returns a plain ndarray: a subclass's methods play no part.
        return _from_ndarray(np.asarray(value), value, name)
    if issubclass(kind, numbers.Real):
        try:
            return np.array(float(value))  # float() always returns an exact float
        except Exception as exc:
            raise AssertionError(f"`{name}` cannot be converted to a float: {exc}") from exc
    if issubclass(kind, list | tuple):
        return _from_sequence(value, name)
    if hasattr(kind, "__array__"):  # e.g. Keras variables, pandas objects
        return _converted(value, value, name)
    raise _not_numeric(value, name)


def as_float(value: Any, name: str = "value") -> float:
    """Return a single number (Python number, 0-d or size-1 array, tensor) as a float.

    Raises:
        AssertionError: if ``value`` is not numeric or holds more than one number.
    """
    arr = as_array(value, name)
    if arr.size != 1:
        raise AssertionError(
            f"`{name}` should be a single number, got an array of shape {arr.shape}"
        )
    return float(arr.reshape(()))


def as_int(value: Any, name: str = "value") -> int:
    """Return an integer (a Python ``int`` or a NumPy integer) as a plain ``int``.

    Counts and indices must be integers: a float such as ``3.0`` and a bool are refused,
    with a message that says so. The number is what ``operator.index`` gives, so an int
    subclass's ``__eq__`` plays no part in the comparisons that follow.

    Raises:
        AssertionError: if ``value`` is not an integer.
    """
    kind = type(value)
    if issubclass(kind, bool | np.bool_):
        raise AssertionError(
            f"`{name}` should be an int, got {_describe(value)} ({reprlib.repr(value)}); "
            "a bool is not accepted where an int is expected"
        )
    if issubclass(kind, int | np.integer):
        try:
            number = operator.index(value)
        except Exception as exc:
            raise AssertionError(f"`{name}` cannot be converted to an int: {exc}") from exc
        if type(number) is not int:  # __index__ may return an int subclass
            number = int.__index__(number)
        return number
    hint = ""
    if issubclass(kind, float | np.floating):
        try:
            shown = repr(float(value))
        except Exception:
            shown = "a float"
        hint = f" ({shown}); return an int, e.g. int(round(x)) if x is whole"
    raise AssertionError(f"`{name}` should be an int, got {_describe(value)}{hint}")


def as_str(value: Any, name: str = "value") -> str:
    """Return a string (also a ``str`` subclass such as ``np.str_``) as a plain ``str``.

    The characters stored are used: a subclass's ``__eq__`` or ``__str__`` play no part.

    Raises:
        AssertionError: if ``value`` is not a string.
    """
    if not issubclass(type(value), str):
        got = _describe(value)
        if issubclass(type(value), numbers.Number | bytes) or value is None:
            got += f" ({reprlib.repr(value)})"
        raise AssertionError(f"`{name}` should be a str, got {got}")
    return str.__str__(value)


def as_dict(value: Any, name: str = "value") -> dict[str, Any]:
    """Return a dict with string keys as a plain ``dict`` with plain ``str`` keys.

    The entries stored in the dict are read directly, so overriding ``__contains__``,
    ``__getitem__``, ``keys`` or ``items`` in a subclass changes nothing, and each key is
    made a plain ``str`` (see :func:`as_str`). The values are returned unchanged: convert
    them with :func:`as_array` and friends.

    Raises:
        AssertionError: if ``value`` is not a dict, or a key is not a string.
    """
    if not issubclass(type(value), dict):
        raise AssertionError(f"`{name}` should be a dict, got {_describe(value)}")
    plain: dict[str, Any] = {}
    for key, item in dict.items(value):
        if not issubclass(type(key), str):
            raise AssertionError(
                f"the keys of `{name}` should be strings, got a key of type {_describe(key)}"
            )
        text = str.__str__(key)
        if text in plain:
            raise AssertionError(f"`{name}` has the key {text!r} twice")
        plain[text] = item
    return plain


# ------------------------------------------------------------------- numerical gradients


def _check_float_array(x: Any) -> None:
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError(
            f"x should be a NumPy array of floats (it is changed in place), got {_describe(x)}; "
            "convert it with np.asarray(x, dtype=float)"
        )


def numerical_gradient(
    f: Callable[[np.ndarray], Any], x: np.ndarray, h: float = 1e-5
) -> np.ndarray:
    """Centred-difference gradient of the scalar function ``f`` at the float array ``x``.

    Each element of ``x`` is changed in place by +h and -h in turn and is always
    restored, also when ``f`` raises. Works for 0-d and n-d arrays.
    """
    _check_float_array(x)
    grad = np.zeros(x.shape, dtype=np.float64)
    for index in np.ndindex(x.shape):
        old = x[index]
        try:
            x[index] = old + h
            f_plus = as_float(f(x), "f(x)")
            x[index] = old - h
            f_minus = as_float(f(x), "f(x)")
        finally:
            x[index] = old
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def numerical_gradient_array(
    f: Callable[[np.ndarray], Any], x: np.ndarray, df: Any, h: float = 1e-5
) -> np.ndarray:
    """Numerical gradient of ``sum(f(x) * df)`` w.r.t. ``x`` for an array-valued ``f``.

    ``df`` is the upstream gradient and must have the shape of ``f(x)``. ``x`` is
    restored as in :func:`numerical_gradient`.
    """
    _check_float_array(x)
    upstream = as_array(df, "df")
    grad = np.zeros(x.shape, dtype=np.float64)
    for index in np.ndindex(x.shape):
        old = x[index]
        try:
            x[index] = old + h
            out_plus = as_array(f(x), "f(x)")  # a copy, so f may reuse its output buffer
            x[index] = old - h
            out_minus = as_array(f(x), "f(x)")
        finally:
            x[index] = old
        if out_plus.shape != upstream.shape:
            raise AssertionError(
                f"f(x) has shape {out_plus.shape} but df has shape {upstream.shape}; "
                "df should have the shape of the output of f"
            )
        grad[index] = np.sum((out_plus - out_minus) * upstream) / (2 * h)
    return grad


# ------------------------------------------------------------------------- comparisons


def _fmt(value: float) -> str:
    return f"{value:.10g}"


def _worst_text(index: tuple[int, ...]) -> str:
    return f"; the worst is at index {index}: " if index else ": "


def _relative_errors(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        return np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))


def _worst_index(scores: np.ndarray) -> tuple[int, ...]:
    """Index of the largest score, NaN counting as the largest."""
    scores = np.where(np.isnan(scores), np.inf, scores)
    return tuple(int(i) for i in np.unravel_index(np.argmax(scores), scores.shape))


def rel_error(a: Any, b: Any) -> float:
    """Largest elementwise relative error ``|a - b| / max(1e-8, |a| + |b|)``.

    Both values must have the same shape. Returns NaN if either holds NaN.
    """
    x, y = as_array(a, "a"), as_array(b, "b")
    if x.shape != y.shape:
        raise AssertionError(f"rel_error: a has shape {x.shape} but b has shape {y.shape}")
    if x.size == 0:
        return 0.0
    return float(np.max(_relative_errors(x, y)))


def assert_shape(
    value: Any, expected_shape: tuple[int | None, ...] | int, name: str = "value"
) -> None:
    """Check that ``value`` has ``expected_shape``; ``None`` in it matches any size."""
    if isinstance(expected_shape, int):
        expected_shape = (expected_shape,)
    expected = tuple(expected_shape)
    shape = as_array(value, name).shape
    matches = len(shape) == len(expected) and all(
        e is None or int(e) == s for s, e in zip(shape, expected, strict=False)
    )
    if not matches:
        shown = "(" + ", ".join("any" if e is None else str(e) for e in expected)
        shown += ",)" if len(expected) == 1 else ")"
        raise AssertionError(f"`{name}` has shape {shape} but expected shape {shown}")


def assert_type(value: Any, types: type | tuple[type, ...], name: str = "value") -> None:
    """Check that ``value`` is an instance of ``types`` (a type or a tuple of types).

    The check uses ``type(value)``, so an object cannot pass by faking ``__class__``. A
    subclass passes (``np.float64`` is a ``float``): compare the value only after
    converting it (:func:`as_float`, :func:`as_int`, :func:`as_str`). A bool is not
    accepted where only int is.
    """
    options = types if isinstance(types, tuple) else (types,)
    kind = type(value)
    accepting = [t for t in options if issubclass(kind, t)]
    # isinstance(True, int) holds, but a bool where a count is expected is a bug.
    if accepting and issubclass(kind, bool) and all(t is int for t in accepting):
        accepting = []
    if accepting:
        return
    wanted = " or ".join(_type_name(t) for t in options)
    got = _describe(value)
    if kind in (int, float, complex, bool, str, bytes, type(None)) or (
        issubclass(kind, np.generic) and kind.__module__ == "numpy"
    ):
        got += f" ({reprlib.repr(value)})"  # the repr of a built-in type, not of a subclass
    hint = ""
    if issubclass(kind, bool) and int in options:
        hint = "; a bool is not accepted where an int is expected"
    elif issubclass(kind, np.generic):
        hint = "; convert a NumPy scalar with float(...) or int(...)"
    raise AssertionError(f"`{name}` should be of type {wanted}, got {got}{hint}")


def assert_finite(value: Any, name: str = "value") -> None:
    """Check that ``value`` holds no NaN or infinity, naming the first bad element."""
    arr = as_array(value, name)
    bad = ~np.isfinite(arr)
    if not bad.any():
        return
    index = tuple(int(i) for i in np.argwhere(bad)[0])
    hint = "look for overflow (e.g. exp of a large number), log(0) or division by zero"
    if arr.ndim == 0:
        raise AssertionError(f"`{name}` is {arr[()]}, expected a finite number; {hint}")
    raise AssertionError(
        f"`{name}` contains {int(bad.sum())} non-finite value(s) out of {arr.size}; "
        f"the first is {arr[index]} at index {index}; {hint}"
    )


def assert_close(
    actual: Any, expected: Any, name: str = "result", rtol: float = 1e-6, atol: float = 1e-8
) -> None:
    """Check that ``actual`` has the shape of ``expected`` and matches it elementwise.

    An element passes when ``|actual - expected| <= atol + rtol * |expected|`` (as in
    ``np.isclose``); NaN only matches NaN.
    """
    a = as_array(actual, name)
    e = as_array(expected, f"expected value for {name}")
    if a.shape != e.shape:
        raise AssertionError(f"`{name}` has shape {a.shape} but expected shape {e.shape}")
    with np.errstate(all="ignore"):
        ok = np.isclose(a, e, rtol=rtol, atol=atol, equal_nan=True)
        if ok.all():
            return
        diff = np.abs(a - e)
        allowed = atol + rtol * np.abs(e)
        index = _worst_index(np.where(ok, -1.0, diff / allowed))
    tolerance = f"rtol={rtol:g}, atol={atol:g}"
    detail = (
        f"got {_fmt(a[index])}, expected {_fmt(e[index])} "
        f"(difference {diff[index]:.3g}, allowed {allowed[index]:.3g})"
    )
    if a.ndim == 0:
        raise AssertionError(f"`{name}` is wrong ({tolerance}): {detail}")
    raise AssertionError(
        f"`{name}` has {int((~ok).sum())} of {a.size} values that differ from the expected "
        f"values ({tolerance}){_worst_text(index)}{detail}"
    )


def _check_rel_error(
    actual: Any, expected: Any, name: str, tol: float, expected_label: str, hint: str
) -> None:
    a = as_array(actual, name)
    e = as_array(expected, expected_label)
    if a.shape != e.shape:
        raise AssertionError(
            f"`{name}` has shape {a.shape} but the {expected_label} has shape {e.shape}{hint}"
        )
    if a.size == 0:
        return
    errors = _relative_errors(a, e)
    error = float(np.max(errors))
    if error <= tol:  # False for NaN, so NaN fails
        return
    index = _worst_index(errors)
    raise AssertionError(
        f"relative error between `{name}` and the {expected_label} is {error:.3g}, "
        f"expected at most {tol:g}{_worst_text(index)}"
        f"got {_fmt(a[index])}, {expected_label} {_fmt(e[index])}{hint}"
    )


def assert_rel_error(actual: Any, expected: Any, name: str = "result", tol: float = 1e-6) -> None:
    """Check that ``rel_error(actual, expected) <= tol`` (shapes must match)."""
    _check_rel_error(actual, expected, name, tol, "expected value", "")


def check_gradient(analytic: Any, numeric: Any, name: str = "gradient", tol: float = 1e-6) -> None:
    """Compare an analytic gradient with a numerical one (see :func:`numerical_gradient`)."""
    hint = (
        f". Check the backward pass that computes `{name}`: it should have the shape of "
        "the variable and match the numerical gradient of the forward pass."
    )
    _check_rel_error(analytic, numeric, name, tol, "numerical gradient", hint)


# ------------------------------------------------------------------- context managers


def _display_prefix(target: Any) -> str:
    """``np`` for numpy, ``np.linalg`` for numpy.linalg, the type name for an object."""
    owner = _plain_str(getattr(target, "__name__", None))
    if not owner:
        owner = _plain_str(getattr(type(target), "__name__", None), "object")
    if owner in _MODULE_ALIASES:
        return _MODULE_ALIASES[owner]
    top, dot, rest = owner.partition(".")
    if top in _MODULE_ALIASES:
        return _MODULE_ALIASES[top] + dot + rest
    return owner


def _blocker(display: str, reason: str) -> Callable[..., Any]:
    message = f"`{display}` is not allowed here" + (f": {reason}" if reason else "")

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(message)

    forbidden.__name__ = forbidden.__qualname__ = f"forbidden_{display.rpartition('.')[2]}"
    return forbidden


@contextmanager
def local_replace(target: Any, values: dict[str, Any]) -> Iterator[None]:
    """Temporarily set ``target.<name>`` (or ``target[name]`` for a dict) to each value.

    Names the target does not have are skipped, except in a dict (a notebook's
    globals), where they are added and removed again. Everything is restored on
    exit, also on an exception; a name that was inherited (a class attribute seen
    on an instance or subclass) is removed again rather than copied.
    """
    is_mapping = isinstance(target, MutableMapping)
    # (name, had its own entry, original entry) for each replaced name
    replaced: list[tuple[str, bool, Any]] = []
    try:
        for name, value in values.items():
            if is_mapping:
                replaced.append((name, name in target, target.get(name)))
                target[name] = value
                continue
            own = getattr(target, "__dict__", None)
            if own is not None and name in own:
                # Keep the raw entry so staticmethods/classmethods are restored intact.
                original: tuple[str, bool, Any] = (name, True, own[name])
            elif hasattr(target, name):
                original = (name, False, None)  # inherited: remove our override on exit
            else:
                continue
            setattr(target, name, value)
            replaced.append(original)
        yield
    finally:
        for name, had_own, original_value in reversed(replaced):
            if is_mapping:
                if had_own:
                    target[name] = original_value
                else:
                    target.pop(name, None)
            elif had_own:
                setattr(target, name, original_value)
            else:
                delattr(target, name)


@contextmanager
def local_forbid(target: Any, *names: str, reason: str = "") -> Iterator[None]:
    """:func:`forbid` in this process only."""
    prefix = "" if isinstance(target, MutableMapping) else _display_prefix(target) + "."
    if isinstance(target, MutableMapping):
        names = tuple(name for name in names if name in target)
    with local_replace(target, {name: _blocker(prefix + name, reason) for name in names}):
        yield


@contextmanager
def local_no_warnings(
    ignore: tuple[type[Warning], ...] = (DeprecationWarning, PendingDeprecationWarning),
) -> Iterator[None]:
    """:func:`no_warnings` in this process only."""
    with warnings.catch_warnings(), np.errstate(all="raise", under="ignore"):
        warnings.simplefilter("error")
        for category in ignore:
            warnings.simplefilter("ignore", category)
        try:
            yield
        except FloatingPointError as exc:
            raise AssertionError(
                f"a NumPy floating-point error occurred: {exc}. This usually means overflow, "
                "division by zero or an invalid operation such as 0/0 or log of a negative "
                "number"
            ) from exc
        except Warning as exc:
            raise AssertionError(
                f"the code emitted a warning, which is not allowed here: "
                f"{type(exc).__name__}: {exc}"
            ) from exc


# --------------------------------------------------------------- two kernels when grading
#
# While grading, test cells run in a trusted kernel and the student's code in another
# (course_tools/remote). The helpers below then act on the student's kernel, where the
# student's functions run; in one kernel (JupyterLab, `nbgrader validate`) they act here.

_student_kernel: Any = None


def use_student_kernel(side: Any) -> None:
    """Route the helpers below to the student's kernel (called by the grading kernel)."""
    global _student_kernel
    _student_kernel = side


_notebook: dict[str, Any] | None = None


def use_notebook_globals(namespace: dict[str, Any] | None) -> None:
    """Tell the helpers which namespace is the notebook's (for harnesses that run cells with
    ``exec``; a kernel's is found by itself)."""
    global _notebook
    _notebook = namespace


def _notebook_globals() -> dict[str, Any]:
    if _notebook is not None:
        return _notebook
    get_ipython = getattr(sys.modules.get("builtins"), "get_ipython", None)
    shell = get_ipython() if get_ipython else None
    return shell.user_ns if shell is not None else sys.modules["__main__"].__dict__


@contextmanager
def forbid(target: Any, *names: str, reason: str = "") -> Iterator[None]:
    """Temporarily replace ``target.<name>`` (or ``target[name]`` for a notebook's
    ``globals()``) by a function that raises ``AssertionError``.

    Names that do not exist are skipped. Everything is restored on exit, also on an
    exception. References taken before the block (``from numpy import exp``) and array
    methods (``x.sum()``) are not affected. When grading, this happens in the kernel that
    runs the student's code: `target` is then a module, ``globals()`` or one of the
    student's objects.
    """
    if _student_kernel is None:
        with local_forbid(target, *names, reason=reason):
            yield
        return
    with _student_kernel.step("forbid", where=_student_kernel.where(target), names=list(names),
                              reason=reason):
        yield


@contextmanager
def stand_in(target: Any, **replacements: Any) -> Iterator[None]:
    """Temporarily put each replacement in place of ``target.<name>`` (``target[name]``).

    Use it to test a function that calls another graded function with a correct
    stand-in for the callee, so that a mistake costs points once::

        with stand_in(globals(), sigmoid=scipy.special.expit):
            values = tanh_from_sigmoid(x)

    When grading, the student's code calls the stand-in, which runs here: it takes and
    returns plain data (numbers, arrays, lists, tuples, dicts).
    """
    with local_replace(target, replacements):
        if _student_kernel is None:
            yield
            return
        with _student_kernel.step("replace", where=_student_kernel.where(target),
                                  values=replacements):
            yield


@contextmanager
def no_warnings(
    ignore: tuple[type[Warning], ...] = (DeprecationWarning, PendingDeprecationWarning),
) -> Iterator[None]:
    """Fail with ``AssertionError`` if the block emits a warning or a NumPy
    floating-point error (overflow, division by zero, invalid value such as 0/0).

    Underflow (e.g. ``np.exp(-1000) == 0``) is allowed, as in NumPy's defaults, and so
    are the warning categories in ``ignore`` (library deprecations are not the
    student's fault). Warning filters and NumPy error settings are restored on exit.
    When grading, the same holds in the kernel that runs the student's code.
    """
    with local_no_warnings(ignore):
        if _student_kernel is None:
            yield
            return
        with _student_kernel.step("no_warnings", ignore=[c.__name__ for c in ignore]):
            yield


@contextmanager
def fp_errors(advice: str = "", **settings: str) -> Iterator[None]:
    """``np.errstate(**settings)`` around the block, also in the student's kernel when
    grading (a plain ``np.errstate`` in a test cell would hold in the grading kernel only).
    A NumPy floating-point error set to ``"raise"`` fails with ``AssertionError``, whose
    message ends with `advice` when one is given."""
    try:
        with np.errstate(**settings):
            if _student_kernel is None:
                yield
                return
            with _student_kernel.step("fp_errors", **settings):
                yield
    except FloatingPointError as exc:
        raise AssertionError(f"a NumPy floating-point error occurred ({exc})"
                             + (f": {advice}" if advice else "")) from exc


def student_value(name: str) -> Any:
    """The value of a notebook name as the student's code sees it (for example a data
    loader a given cell made, to pass to the student's function)."""
    if _student_kernel is None:
        return _notebook_globals()[name]
    return _student_kernel.global_value(name)


def student_module(name: str) -> Any:
    """A module of the kernel that runs the student's code (to build objects there, such
    as a Keras layer to pass to the student's function)."""
    if _student_kernel is None:
        return importlib.import_module(name)
    return _student_kernel.module(name)


def module_beside(value: Any, name: str) -> Any:
    """The module `name` of the kernel where `value` lives: to build what a value of the
    student's takes (``module_beside(factory, "keras").layers.Dense(2)``), whether the
    student's answer is a library's own function (it runs here) or their own."""
    if _student_kernel is not None and _student_kernel.is_remote(value):
        return _student_kernel.module(name)
    return importlib.import_module(name)


def is_instance(value: Any, class_name: str) -> bool:
    """``isinstance(value, <class_name>)``, asked where the value lives: a library class
    (``is_instance(model, "keras.Model")``) or a class of the notebook (``"Value"``)."""
    if _student_kernel is not None and _student_kernel.is_remote(value):
        return _student_kernel.is_instance(value, class_name)
    module_name, _, attribute = class_name.rpartition(".")
    module_name = {v: k for k, v in _MODULE_ALIASES.items()}.get(module_name, module_name)
    if not module_name:
        found = _notebook_globals().get(attribute)
        return isinstance(found, type) and isinstance(value, found)
    owner: Any = importlib.import_module(module_name)
    for part in attribute.split("."):
        owner = getattr(owner, part)
    return isinstance(value, owner)


def on_student_side(function: Callable[..., Any]) -> Callable[..., Any]:
    """A helper function of a *public* test part that builds objects the student's
    function takes (a model, a data set), made to run where the student's code runs:
    ``build = on_student_side(_small_model)`` (or as a decorator). When grading, it is
    defined in the student's kernel and returns a proxy of what it built. Never use it
    on hidden code: its source is sent to the student's kernel (grading refuses a helper
    that is not public)."""
    if _student_kernel is None:
        return function
    return _student_kernel.ship(function)
