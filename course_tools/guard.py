"""Runs inside the student's kernel and notices when notebook code changes the test machinery.

Grading runs the tests in a separate, trusted kernel (``course_tools.remote``), so
nothing here decides a grade: what the guard finds is reported as flags for a
human to look at. The runner loads this module before the first cell; after each
course cell it calls :func:`remember` (the functions and classes of the
libraries the tests rely on, before any notebook code ran), and at the end
:func:`verdict`, which lists what notebook code has replaced since: a function
of NumPy, builtins, ``json`` or the course's test helpers (their code, defaults
and the course helpers' closures and tables), a method of a framework class, a
module in ``sys.modules`` or its class, IPython's exception display, AST
transformers or cell callbacks, audit hooks, the trace function, or the output
streams.

Only the standard library is imported here, and what the checks call is bound
when the module loads. They see what notebook code can do in plain Python; the
student's code runs in this process and can also silence the guard itself (a
forged verdict only hides flags: the grades come from the trusted kernel).
"""

from __future__ import annotations

import builtins
import functools
import importlib
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
    "IPython", "ipykernel", "traitlets", "zmq", "jupyter_client", "json",
)
# Modules the course's cells import that the guard leaves alone, and why. A course cell
# importing a module in neither list fails tests/test_assignments.py: a framework added
# to an assignment is watched (add it to WATCHED_PREFIXES) or said here to need no watch.
UNWATCHED_IMPORTS = {
    "matplotlib": "plots only: no test reads a figure",
    "tqdm": "progress bars only",
    "os": "environment variables set by the setup; no test calls it",
    "time": "a test times answers with the trusted kernel's own clock",
    "statistics": "an independent computation in a test, in the trusted kernel",
}
_FUNCTION_PARTS = ("__code__", "__defaults__", "__kwdefaults__")
_CELL = "cell_contents"  # a closure cell of a course function (a test helper's state)
_ATTRIBUTE_PARTS = (*_FUNCTION_PARTS, _CELL)
# Whose closures are watched: the course's own helpers (libraries keep state in theirs).
_COURSE_PACKAGES = ("utils", "course_tools")
_dumps = json.dumps  # bound now: the verdict cannot be forged by replacing json.dumps

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
_module_classes: dict[str, type] = {}  # type(module), which a module cannot fake
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
    course = module_name.partition(".")[0] in _COURSE_PACKAGES and module_name != __name__
    for name, value in list(namespace.items()):
        if (course and type(value) is dict and len(value) <= _MAX_TABLE
                and not name.startswith("__")):  # not __builtins__, another's namespace
            # A table of the course's functions (the student-side steps): each entry.
            records += [(f"{module_name}.{name}[{key!r}]", value, key, member)
                        for key, member in list(value.items()) if _interesting(member)]
        if not _interesting(value) or f"{module_name}.{name}" in _SET_PER_CELL:
            continue
        records.append((f"{module_name}.{name}", namespace, name, value))
        if type(value).__name__ == "_ArrayFunctionDispatcher":  # NumPy's np.isclose and co.
            implementation = getattr(value, "_implementation", None)
            if isinstance(implementation, types.FunctionType):
                where = f"{module_name}.{name}._implementation"
                records += [(where, implementation, part, getattr(implementation, part))
                            for part in _FUNCTION_PARTS]
        if isinstance(value, types.FunctionType):
            where = f"{value.__module__}.{value.__qualname__}"
            records += [(where, value, part, getattr(value, part)) for part in _FUNCTION_PARTS]
            if str(value.__module__).partition(".")[0] in _COURSE_PACKAGES:
                records += [(f"{where}.__closure__[{i}]", cell, _CELL, cell.cell_contents)
                            for i, cell in enumerate(value.__closure__ or ())
                            if _has_contents(cell)]
        elif isinstance(value, type) and _watched(str(value.__module__)):
            # Methods of the classes a library defines: Tensor.__eq__, a helper class...
            where = f"{value.__module__}.{value.__qualname__}"
            members = vars(value)
            records += [(f"{where}.{attr}", members, attr, member)
                        for attr, member in list(members.items()) if _interesting(member)]
            records.append((where, members, _DUNDERS, _SPECIAL & members.keys()))
    return records


_DUNDERS = "<special methods>"
_MAX_TABLE = 1000  # entries of a course module's dict that are watched one by one
# ipykernel installs these afresh for every execution request; IPython sets sys.last_*
# whenever a cell raises.
# Course modules the student's kernel imports only when a test first needs them: the
# steps it takes for the tests (no_warnings, forbid...).
_LOADED_EARLY = ("course_tools.remote.student_side",)
_SET_PER_CELL = frozenset({"builtins.input", "sys.excepthook", "getpass.getpass",
                           "sys.last_type", "sys.last_value", "sys.last_traceback",
                           "sys.last_exc"})
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
    if key in _ATTRIBUTE_PARTS:
        now = getattr(container, key, _MISSING)
        if now is value:
            return None
        return f"{where}{'' if key == _CELL else '.' + key} was replaced"
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
    for event, callbacks in getattr(getattr(shell, "events", None), "callbacks", {}).items():
        state[f"{_CALLBACKS}{event}"] = tuple(callbacks)
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
    _watch_audit_hooks()
    if not _notebook_code_ran:
        for name in _LOADED_EARLY:  # so that their records are from before notebook code
            importlib.import_module(name)
    if update:
        for store in (_modules, _module_classes, _seen_modules, _places, _plain_records,
                      _lookups, _keys, _values, _absent_in, _absent_names, _absent_records,
                      _shell_state, _audit_hooks_added):
            store.clear()
        _course_classes.update((id(cls), cls) for cls in _all_classes())
    for name in sys.modules.keys() - _seen_modules:
        _seen_modules.add(name)
        module = sys.modules[name]
        if module is None or not _watched(name):
            continue
        _modules[name] = module
        _module_classes[name] = type(module)
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
    if key == _DUNDERS:  # one entry per special method the class does not define
        absent = _SPECIAL - value
        _absent_in.extend(itertools.repeat(container.__contains__, len(absent)))
        _absent_names.extend(absent)
        _absent_records.extend(itertools.repeat(record, len(absent)))
        return
    _plain_records.append(record)
    # Bound C methods, so that a check runs as a few C-level passes over all records.
    if key == _CELL:  # a cell may be emptied: read it with a default
        _lookups.append(functools.partial(_cell_contents, container))
    else:
        _lookups.append(functools.partial(getattr, container) if key in _FUNCTION_PARTS
                        else container.get)
    _keys.append(key)
    _values.append(value)


def _cell_contents(cell: Any, key: str, _getattr=getattr) -> Any:
    return _getattr(cell, key, _MISSING)


def after_course_cell(update: bool) -> None:
    """Called after a course cell: remember the modules it imported (with `update`, before
    any notebook code ran, take the current objects for all records)."""
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


# Classes that exist before notebook code, by identity (held, so that no id is reused).
_course_classes: dict[int, type] = {}
_notebook_code_ran = False


def _changed_functions(_all=all, _any=any, _map=map, _is=operator.is_, _call=operator.call,
                       _compress=itertools.compress, _not=operator.not_) -> list[str]:
    # The builtins this needs are bound when the guard loads, before notebook code runs.
    replaced = [f"sys.modules[{name!r}] was replaced"
                for name, module in _modules.items() if sys.modules.get(name, module) is not module]
    replaced += [f"the class of module {name} was replaced (now {type(module).__qualname__})"
                 for name, module in _modules.items() if type(module) is not _module_classes[name]]
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
        if key.startswith(_CALLBACKS):
            problems += _added_callbacks(key.removeprefix(_CALLBACKS), value, current)
            continue
        # Element by element and by identity: a transformer or callback may lie in its __eq__.
        same = (isinstance(current, tuple) and len(current) == len(value) and all(
            a is b for a, b in zip(current, value))) if isinstance(value, tuple) else (
            current is value)
        if not same:
            problems.append(f"{key} was changed")
    problems += [f"{key} was set by notebook code" for key in now
                 if key not in _shell_state and not key.startswith(_CALLBACKS)]
    shell = _shell()
    if shell is not None:
        if getattr(shell, "custom_exceptions", ()):
            problems.append("a custom exception handler is installed (set_custom_exc)")
        for event, callbacks in getattr(getattr(shell, "events", None), "callbacks", {}).items():
            if any(getattr(c, "__module__", None) in ("__main__", None) for c in callbacks):
                problems.append(f"notebook code registered an IPython {event!r} callback")
            if f"{_CALLBACKS}{event}" not in _shell_state:
                problems += _added_callbacks(event, (), tuple(callbacks))
    if sys.gettrace() is not None or sys.getprofile() is not None:
        problems.append("a trace or profile function is active (sys.settrace/setprofile)")
    return problems


_CALLBACKS = "IPython callbacks of "  # a key of _shell_state, then the event's name


def _added_callbacks(event: str, before: tuple, now: Any) -> list[str]:
    """A finding when code outside the libraries added a callback to an IPython event
    (libraries do: pyplot registers one for 'post_execute' when it is first used)."""
    now = now if isinstance(now, tuple) else ()
    added = [c for c in now if not any(c is old for old in before)]
    if any(not _library_function(getattr(c, "__func__", c)) for c in added):
        return [f"notebook code added an IPython {event!r} callback"]
    return []


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


_AUDIT_HOOK_ADDED = "notebook code added an audit hook (sys.addaudithook)"
_audit_hooks_added: list[str] = []  # where each hook came from that no library added
_audit_watch: list[Any] = []  # the guard's own audit hook, once installed


def _watch_audit_hooks() -> None:
    """Install the guard's own audit hook (once, before any notebook code runs): it sees
    every hook added after it, and who added it. A hook cannot be removed.

    A library may add its own hook (filelock does): a call of ``sys.addaudithook`` is
    the library's when the code that makes it is a library's and names
    ``addaudithook`` itself, so that a trampoline (a thread's ``run``, ``map``, a
    partial) that calls a student's ``sys.addaudithook`` still counts as the student's.
    """
    if _audit_watch:
        return

    def _on_audit(event: str, args: tuple, _getframe=sys._getframe, _str=str,
                  _roots=_LIBRARY_ROOTS, _append=_audit_hooks_added.append) -> None:
        if event != "sys.addaudithook":
            return
        try:  # the frame that called sys.addaudithook (a C function has none of its own)
            code = _getframe(1).f_code
            where = _str(code.co_filename)
            if where.startswith(_roots) and "addaudithook" in code.co_names:
                return
        except Exception:  # noqa: BLE001  (an audit hook must never raise)
            where = "?"
        _append(where)

    _audit_watch.append(_on_audit)
    sys.addaudithook(_on_audit)


def check() -> list[str]:
    """What notebook code has changed since :func:`remember`; once found, always reported."""
    _record_if_nothing_yet()
    # Names the course's cells bound are not watched: the tests run in their own kernel
    # with their own names, and a student may well rebind `tqdm` with `from tqdm import tqdm`.
    found = _changed_functions() + _changed_shell() + _lying_classes()
    if _audit_hooks_added:
        found.append(_AUDIT_HOOK_ADDED)
    for problem in found:
        if problem not in _findings:
            _findings.append(problem)
    return list(_findings)


def verdict() -> str:
    """:func:`check` as JSON. Runs as a cell so that IPython's per-cell state is in place."""
    global _verdict
    try:
        _verdict = _dumps({"findings": check()})
    except Exception as exc:  # noqa: BLE001  (a broken check is itself a finding)
        _verdict = _dumps({"findings": [f"the integrity check failed: {exc!r}"]})
    return _verdict


def last_verdict() -> str:
    """The answer of the last :func:`verdict`, read by the runner as a user expression."""
    return _verdict


_verdict = _dumps({"findings": ["the integrity check did not run"]})
