"""The trusted kernel's side: the student's names as proxies, and student-side steps.

When grading, the trusted kernel calls :func:`install` once; ``utils.testing``
then routes ``forbid``, ``no_warnings``, ``stand_in``, ``fp_errors``, ``student``
and ``is_instance`` through :class:`TrustedSide` to the student's kernel. Before
each test cell the grading process calls :func:`bind` with the names the answer
cells defined, so that a test calls ``sigmoid(x)`` exactly as it would in one
kernel.
"""

from __future__ import annotations

import contextlib
import inspect
import types
from collections.abc import Iterator
from typing import Any

from .agent import TRUSTED, Peer, Remote, current_namespace
from .codec import library_name


class TrustedSide:
    """What ``utils.testing`` needs of the student's kernel while grading."""

    def __init__(self, peer: Peer):
        self.peer = peer

    def where(self, target: Any) -> dict:
        """How the student's kernel finds `target`: a module or a library's class by name,
        its globals, or one of its objects."""
        if target is self.peer.namespace:
            return {"globals": True}
        if isinstance(target, types.ModuleType):
            return {"module": target.__name__}
        if type(target) is Remote:
            return {"object": target}
        named = library_name(target)
        if named is not None:
            return {"named": named}
        raise TypeError(
            f"a student-side step acts on a module, on globals() or on one of the student's "
            f"objects, not on a {type(target).__name__}")

    @contextlib.contextmanager
    def step(self, kind: str, **params: Any) -> Iterator[None]:
        """Take a student-side step (``course_tools.remote.student_side``) around the block."""
        token = self.peer.request("enter", kind=kind, params=params)
        try:
            yield
        finally:
            self.peer.request("exit", token=token)

    def global_value(self, name: str) -> Any:
        return self.peer.request("global", name=name)

    def module(self, name: str) -> Any:
        return self.peer.request("module", name=name)

    def is_remote(self, value: Any) -> bool:
        return type(value) is Remote

    def type_name(self, value: Remote) -> str:
        """The type of the student's object, for messages (``__main__.`` dropped)."""
        return object.__getattribute__(value, "_r_type").removeprefix("__main__.")

    def is_instance(self, value: Any, dotted: str) -> bool:
        return self.peer.request("isinstance", target=value, cls=dotted) is True

    def ship(self, function: types.FunctionType) -> Any:
        """Define a test helper (from a public part of a test cell) in the student's kernel."""
        lines = inspect.getsource(function).splitlines(keepends=True)
        while lines and lines[0].lstrip().startswith("@"):  # its decorators stay here
            lines.pop(0)
        return self.peer.request("ship", name=function.__name__, source="".join(lines))


_side: TrustedSide | None = None


def install(peer: Peer) -> TrustedSide:
    """Route ``utils.testing``'s student-side helpers to the student's kernel."""
    global _side
    import utils.testing

    _side = TrustedSide(peer)
    utils.testing.use_student_kernel(_side)
    return _side


def connect(path: str) -> TrustedSide:
    """Called once in the trusted kernel: connect to the grading process and install."""
    from .agent import connect as connect_peer

    return install(connect_peer(path, TRUSTED, current_namespace()))


def bind(names: list[str]) -> None:
    """Bind each name the answer cells defined to the student's value of it.

    Plain data arrives as a copy; functions, classes and objects as proxies. A
    name the student's kernel does not have (its cell failed) is unbound here too.
    """
    assert _side is not None, "the trusted kernel is not connected"
    namespace = _side.peer.namespace
    for name in names:
        try:
            namespace[name] = _side.global_value(name)
        except Exception:  # noqa: BLE001  (NameError: the cell failed; or the value cannot come)
            namespace.pop(name, None)
