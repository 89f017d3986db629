"""Runs inside the grading kernel and notices when notebook code changes the test machinery.

The sandbox runner loads this module before the first cell. After every trusted
cell (locked and test cells) it calls :func:`remember`, which records the
functions and classes of the libraries the tests rely on; before every test cell
it calls :func:`verdict`, which lists what notebook code has replaced since:
a function of NumPy, builtins or the course's test helpers, a method of a
framework class, a module in ``sys.modules``, IPython's exception display,
AST transformers or cell hooks, the trace function, or the output streams.

Only the standard library is imported here. The checks see what notebook code
can do in plain Python; code that rewrites the kernel's own machinery with
ctypes is out of their reach (see the README's section on grading integrity).
"""

from __future__ import annotations

import builtins
import functools
import itertools
import json
import operator
import os
import sys
import types
from typing import Any

# Modules whose functions and classes the tests (or the kernel's error display) use.
WATCHED_PREFIXES = (
    "builtins", "math", "cmath", "operator", "functools", "itertools", "inspect",
    "traceback", "warnings", "contextlib", "unittest", "sys", "types", "copy", "re",
    "numpy", "scipy", "torch", "tensorflow", "keras", "utils", "course_tools",
    "IPython", "ipykernel", "traitlets", "zmq", "jupyter_client",
)
_FUNCTION_PARTS = ("__code__", "__defaults__", "__kwdefaults__")

_plain_records: list[Record] = []
# The same records as calls: `lookups[i](keys[i]) is values[i]` while untouched.
_lookups: list[Any] = []
_keys: list[str] = []
_values: list[Any] = []
# Special methods a class did not define: `absent_in[i](absent_names[i])` is False.
_absent_in: list[Any] = []
_absent_names: list[str] = []
_absent_records: list[Record] = []
_modules: dict[str, types.ModuleType] = {}
_seen_modules: set[str] = set()  # every module name looked at, watched or not
_places: set[tuple[int, str]] = set()
_shell_state: dict[str, Any] = {}
_findings: list[str] = []


# The frameworks' internals are reached through their public modules, which are watched;
# skipping the rest keeps a check fast (TensorFlow alone has thousands of modules).
INTERNAL_PARTS = {"torch": ("._",), "tensorflow": (".python.", "._", ".compiler.", ".core."),
                  "keras": (".src.", "._")}


def _watched(name: str) -> bool:
    top = name.partition(".")[0]
    return top in WATCHED_PREFIXES and not any(
        part in name + "." for part in INTERNAL_PARTS.get(top, ()))


def _interesting(value: Any) -> bool:
    return callable(value) and not isinstance(value, types.ModuleType)


# A record is (where, container, key, value): `container[key] is value` while untouched.
Record = tuple[str, Any, str, Any]


def _records(module_name: str, module: types.ModuleType) -> list[Record]:
    """The functions and classes of a module, the methods of its classes, and their code."""
    records: list[Record] = []
    namespace = getattr(module, "__dict__", {})
    for name, value in list(namespace.items()):
        if not _interesting(value) or f"{module_name}.{name}" in _SET_PER_CELL:
            continue
        records.append((f"{module_name}.{name}", namespace, name, value))
        if isinstance(value, types.FunctionType):
            where = f"{value.__module__}.{value.__qualname__}"
            records += [(where, value, part, getattr(value, part)) for part in _FUNCTION_PARTS]
        elif isinstance(value, type) and _watched(str(value.__module__)):
            # Methods of the classes a library defines: Tensor.__eq__, a helper class...
            where = f"{value.__module__}.{value.__qualname__}"
            members = vars(value)
            records += [(f"{where}.{attr}", members, attr, member)
                        for attr, member in list(members.items()) if _interesting(member)]
            records.append((where, members, _DUNDERS, _SPECIAL & members.keys()))
    return records


_DUNDERS = "<special methods>"
# ipykernel installs these afresh for every execution request.
_SET_PER_CELL = frozenset({"builtins.input", "sys.excepthook", "getpass.getpass"})
# Special methods that decide how a value compares, converts or answers isinstance.
_SPECIAL = frozenset({
    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__bool__", "__len__",
    "__float__", "__int__", "__index__", "__abs__", "__sub__", "__rsub__", "__array__",
    "__array_ufunc__", "__array_function__", "__getattr__", "__getattribute__",
    "__instancecheck__", "__subclasscheck__", "__contains__", "__iter__", "__getitem__",
})


def _library_function(value: Any) -> bool:
    """A Python function (or a partial of one) whose code lives in an installed library."""
    if isinstance(value, functools.partial):
        value = value.func
    code = getattr(value, "__code__", None)
    filename = getattr(code, "co_filename", "")
    return isinstance(value, types.FunctionType) and filename.startswith(_LIBRARY_ROOTS)


def _wraps(new: Any, old: Any) -> bool:
    """Libraries wrap their own functions lazily (torch wraps optimizers' step on first use)."""
    if not _library_function(new):
        return False
    wrapped, seen = new, 0
    while (wrapped := getattr(wrapped, "__wrapped__", None)) is not None and seen < 10:
        if wrapped is old:
            return True
        seen += 1
    return any(cell.cell_contents is old for cell in (new.__closure__ or ()) if _has_contents(cell))


def _has_contents(cell: Any) -> bool:
    try:
        cell.cell_contents  # noqa: B018  (an empty closure cell raises ValueError)
    except ValueError:
        return False
    return True


# Replacements the frameworks make themselves, by where they happen and what they install.
KNOWN_LIBRARY_PATCHES = {
    # `import torch` loads torch.package, which wraps inspect.getfile for packaged code.
    "inspect.getfile": "torch.package.package_importer._patched_getfile",
}


def _known_patch(where: str, value: Any) -> bool:
    expected = KNOWN_LIBRARY_PATCHES.get(where)
    return expected is not None and _library_function(value) and (
        f"{value.__module__}.{value.__qualname__}" == expected)


def _changed(record: Record) -> str | None:
    where, container, key, value = record
    if key == _DUNDERS:
        added = sorted(name for name in (_SPECIAL & container.keys()) - value
                       if not _library_function(container[name])
                       and not isinstance(container[name], _BUILTIN_TYPES))
        return f"{where}.{added[0]} was added" if added else None
    if key in _FUNCTION_PARTS:
        return None if getattr(container, key) is value else f"{where}.{key} was replaced"
    now = container.get(key, _MISSING)
    if now is value or _wraps(now, value) or _known_patch(where, now):
        return None
    return f"{where} was {'deleted' if now is _MISSING else 'replaced'}"


_BUILTIN_TYPES = (types.BuiltinFunctionType, types.WrapperDescriptorType,
                  types.MethodDescriptorType, types.MethodWrapperType)
_COURSE_CODE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_LIBRARY_ROOTS = tuple({os.path.join(folder, "") for folder in (
    sys.prefix, sys.base_prefix, os.path.join(_COURSE_CODE, "utils"),
    os.path.join(_COURSE_CODE, "course_tools"))})


def _shell():
    get_ipython = getattr(builtins, "get_ipython", None)
    return get_ipython() if get_ipython else None


def _shell_snapshot() -> dict[str, Any]:
    """IPython state that decides how a cell runs and how its errors are shown."""
    shell = _shell()
    state: dict[str, Any] = {
        "sys.displayhook": sys.displayhook,
        "sys.stdout": sys.stdout,
        "sys.stderr": sys.stderr,
    }
    if shell is None:
        return state
    state["shell"] = shell
    for name in ("ast_transformers", "input_transformers_cleanup", "input_transformers_post"):
        state[name] = tuple(getattr(shell, name, ()))
    for name, value in vars(shell).items():
        if _interesting(value):
            state[f"shell.{name}"] = value
    kernel = getattr(shell, "kernel", None)
    if kernel is not None:
        for name, value in vars(kernel).items():
            if _interesting(value):
                state[f"kernel.{name}"] = value
    return state


def remember(update: bool = False) -> None:
    """Record the watched modules as they are now.

    Without `update`, only modules imported since the last call are added, and
    earlier records keep the objects they had. With `update` (after course cells
    that ran before any notebook code, such as a setup cell that installs its own
    warning display), every record takes the current object.
    """
    if update:
        for store in (_modules, _seen_modules, _places, _plain_records, _lookups, _keys, _values,
                      _absent_in, _absent_names, _absent_records, _shell_state):
            store.clear()
        _course_classes.update((id(cls), cls) for cls in _all_classes())
    for name in sys.modules.keys() - _seen_modules:
        _seen_modules.add(name)
        module = sys.modules[name]
        if module is None or not _watched(name):
            continue
        _modules[name] = module
        for record in _records(name, module):
            # The same class or function is re-exported by many modules: watch it once.
            place = (id(record[1]), record[2])
            if place not in _places:
                _places.add(place)
                _remember_record(record)
    for key, value in _shell_snapshot().items():
        _shell_state.setdefault(key, value)


def _remember_record(record: Record) -> None:
    where, container, key, value = record
    if key == _DUNDERS:
        for name in _SPECIAL - value:
            _absent_in.append(container.__contains__)
            _absent_names.append(name)
            _absent_records.append(record)
        return
    _plain_records.append(record)
    # Bound C methods, so that a check runs as a few C-level passes over all records.
    _lookups.append(functools.partial(getattr, container) if key in _FUNCTION_PARTS
                    else container.get)
    _keys.append(key)
    _values.append(value)


def _user_namespace() -> dict[str, Any]:
    shell = _shell()
    return shell.user_ns if shell is not None else {}


def before_course_cell(binds: list[str]) -> None:
    """Called before a locked or test cell that `binds` these names itself."""
    global _names_before, _binding
    _names_before = dict(_user_namespace())
    _binding = set(binds)


def after_course_cell(update: bool) -> None:
    """Called after a locked or test cell: remember the names it bound, then the modules."""
    for name, value in _user_namespace().items():
        if isinstance(value, _TOOL_TYPES) and _names_before.get(name, _MISSING) is not value:
            _course_names[name] = value
    _binding.clear()
    remember(update=update and not _notebook_code_ran)


def notebook_code_starts() -> None:
    """Called before the first cell that is not the course's: from now on nothing is laundered."""
    global _notebook_code_ran
    _record_if_nothing_yet()
    _notebook_code_ran = True


def _record_if_nothing_yet() -> None:
    """Record now when no course cell has (so no notebook code has run either)."""
    if not _seen_modules:
        remember(update=True)


# What a course cell binds that tests may call: imports and functions, not data or models.
_TOOL_TYPES = (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, type,
               functools.partial)
_names_before: dict[str, Any] = {}
# Classes that exist before notebook code, by identity (held, so that no id is reused).
_course_classes: dict[int, type] = {}
_binding: set[str] = set()  # names the running course cell assigns itself
_course_names: dict[str, Any] = {}
_notebook_code_ran = False


def _changed_functions(_all=all, _any=any, _map=map, _is=operator.is_, _call=operator.call,
                       _compress=itertools.compress, _not=operator.not_) -> list[str]:
    # The builtins this needs are bound when the guard loads, before notebook code runs.
    replaced = [f"sys.modules[{name!r}] was replaced"
                for name, module in _modules.items() if sys.modules.get(name, module) is not module]
    # Only the few records that differ go through the slow check that names them.
    same = list(_map(_is, _map(_call, _lookups, _keys), _values))
    records = [] if _all(same) else list(_compress(_plain_records, _map(_not, same)))
    added = list(_map(_call, _absent_in, _absent_names))
    if _any(added):
        records += {id(r): r for r in _compress(_absent_records, added)}.values()
    return replaced + [problem for record in records if (problem := _changed(record))]


_MISSING = object()


def _changed_shell() -> list[str]:
    problems = []
    now = _shell_snapshot()
    for key, value in _shell_state.items():
        current = now.get(key, _MISSING)
        same = current == value if isinstance(value, tuple) else current is value
        if not same:
            problems.append(f"{key} was changed")
    problems += [f"{key} was set by notebook code" for key in now if key not in _shell_state]
    shell = _shell()
    if shell is not None:
        if getattr(shell, "custom_exceptions", ()):
            problems.append("a custom exception handler is installed (set_custom_exc)")
        for event, callbacks in getattr(getattr(shell, "events", None), "callbacks", {}).items():
            if any(getattr(c, "__module__", None) in ("__main__", None) for c in callbacks):
                problems.append(f"notebook code registered an IPython {event!r} callback")
    if sys.gettrace() is not None or sys.getprofile() is not None:
        problems.append("a trace or profile function is active (sys.settrace/setprofile)")
    return problems


def _all_classes() -> list[type]:
    seen: dict[int, type] = {}
    stack = [object]
    while stack:
        cls = stack.pop()
        try:
            subclasses = type.__subclasses__(cls)
        except TypeError:
            continue
        for sub in subclasses:
            if id(sub) not in seen:
                seen[id(sub)] = sub
                stack.append(sub)
    return list(seen.values())


class _ProbeA:
    pass


class _ProbeB:
    pass


def _lying_classes() -> list[str]:
    """Classes from notebook code whose ``__eq__`` calls two unrelated objects equal."""
    problems = []
    for cls in _all_classes():
        if id(cls) in _course_classes:
            continue
        equal = vars(cls).get("__eq__")
        if not callable(equal) or _library_function(equal) or isinstance(equal, _BUILTIN_TYPES):
            continue
        try:
            # Instances of two unrelated classes: a generated or careful __eq__ says NotImplemented.
            verdict = equal(_ProbeA(), _ProbeB())
        except Exception:  # noqa: BLE001  (an __eq__ that needs a real instance is not judged)
            continue
        if verdict is True:
            problems.append(f"class {cls.__qualname__} (notebook code) has an __eq__ that calls "
                            "any two objects equal")
    return problems


def check() -> list[str]:
    """What notebook code has changed since :func:`remember`; once found, always reported."""
    _record_if_nothing_yet()
    # Names the course's cells bound are not watched: the tests run in their own kernel
    # with their own names, and a student may well rebind `tqdm` with `from tqdm import tqdm`.
    found = _changed_functions() + _changed_shell() + _lying_classes()
    for problem in found:
        if problem not in _findings:
            _findings.append(problem)
    return list(_findings)


def verdict() -> str:
    """:func:`check` as JSON. Runs as a cell so that IPython's per-cell state is in place."""
    global _verdict
    try:
        _verdict = json.dumps({"findings": check()})
    except Exception as exc:  # noqa: BLE001  (a broken check is itself a finding)
        _verdict = json.dumps({"findings": [f"the integrity check failed: {exc!r}"]})
    return _verdict


def last_verdict() -> str:
    """The answer of the last :func:`verdict`, read by the runner as a user expression."""
    return _verdict


_verdict = json.dumps({"findings": ["the integrity check did not run"]})
