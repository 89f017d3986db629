"""The end of the conversation that lives in each kernel: exports, proxies and requests.

A :class:`Peer` owns a table of the objects it exported (by handle id) and
answers the other side's requests about them; :class:`Remote` is the proxy of
an object the other side exported. Requests nest: while the trusted kernel
waits for the student's function to return, the student's code may call a
stand-in that lives in the trusted kernel, and that call is answered in the
middle of the wait.

The two roles differ in what they allow. The student's kernel answers every
operation on its own objects (they are the student's answer: whatever they say
is what gets judged). The trusted kernel exports only functions (stand-ins,
callbacks) and answers only calls to them: nothing of its state can be read.
"""

from __future__ import annotations

import builtins
import functools
import importlib
import itertools
import operator
import os
import sys
import traceback
import types
from collections.abc import Callable
from typing import Any

from . import codec

STUDENT, TRUSTED = "student", "trusted"
BINARY_OPS = {name: getattr(operator, name) for name in (
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "and_", "or_",
    "xor", "lshift", "rshift", "lt", "le", "gt", "ge", "eq", "ne")}
UNARY_OPS = {name: getattr(operator, name) for name in ("neg", "pos", "abs", "invert")}
CONVERSIONS = {"len": len, "bool": bool, "float": float, "int": int, "index": operator.index,
               "complex": complex, "str": str, "repr": repr, "hash": hash}
MESSAGE_CHARS = 4000
# What the trusted kernel may hand to the student's: functions, never objects with state.
FUNCTION_TYPES = (types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                  functools.partial)


CALLS = ("call", "call_method")  # operations whose arguments the code may change in place


class Stopped(BaseException):
    """The grading process ended the test cell while a request was still waiting."""


class StudentCodeError(Exception):
    """An exception of the student's code that has no built-in equivalent."""


class Remote:
    """A proxy of an object in the other kernel; every use is a request to it."""

    __slots__ = ("_r_peer", "_r_id", "_r_type", "_r_callable", "_r_library", "__weakref__")

    def __init__(self, peer: Peer, handle: int, kind: str, is_callable: bool,
                 library: str | None = None):
        object.__setattr__(self, "_r_peer", peer)
        object.__setattr__(self, "_r_id", handle)
        object.__setattr__(self, "_r_type", kind)
        object.__setattr__(self, "_r_callable", is_callable)
        object.__setattr__(self, "_r_library", library)

    def _ask(self, op: str, **fields: Any) -> Any:
        return self._r_peer.request(op, target=self, **fields)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._ask("call", args=args, kwargs=kwargs)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self._ask("getattr", name=name)

    def __setattr__(self, name: str, value: Any) -> None:
        self._ask("setattr", name=name, value=value)

    def __delattr__(self, name: str) -> None:
        self._ask("delattr", name=name)

    def __getitem__(self, key: Any) -> Any:
        return self._ask("getitem", key=key)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._ask("setitem", key=key, value=value)

    def __delitem__(self, key: Any) -> None:
        self._ask("delitem", key=key)

    def __contains__(self, item: Any) -> bool:
        return self._ask("contains", item=item) is True

    def __iter__(self):
        iterator = self._ask("iter")
        while True:
            try:
                yield iterator._ask("next")
            except StopIteration:
                return

    def __array__(self, dtype: Any = None, copy: Any = None) -> Any:
        import numpy as np

        array = self._ask("array")
        return np.asarray(array, dtype=dtype) if dtype is not None else np.asarray(array)

    def __repr__(self) -> str:
        return f"<{self._r_type} in the student's kernel>"

    @property
    def __class__(self) -> type:  # noqa: D105
        # The nearest library class of the object's stands for it here, so that
        # isinstance(model, torch.nn.Module) holds for the student's model (also of a
        # subclass of the student's); the student's own classes have no copy here.
        if self._r_library is None:
            return Remote
        try:
            return codec.resolve_library_name(self._r_library)
        except codec.WireError:
            return Remote

    @classmethod
    def __torch_function__(cls, func: Any, types: Any, args: tuple = (), kwargs: Any = None):
        """A torch function given one of the student's tensors or modules.

        In-place functions (``normal_``, ``copy_``) change the student's object, so they
        run over there; every other one runs here, on copies: a comparison is never
        left to the student's kernel."""
        kwargs = kwargs or {}
        name = getattr(func, "__name__", "")
        handles = [a for a in (*args, *kwargs.values()) if type(a) is Remote]
        if name.endswith("_") and not name.startswith("__") and handles:
            named = codec.library_name(func)
            if named is not None:
                peer = object.__getattribute__(handles[0], "_r_peer")
                return peer.request("call", target=codec.resolve_library_name(named),
                                    args=args, kwargs=kwargs)
        import torch

        def local(value: Any) -> Any:
            return torch.as_tensor(value._ask("array")) if type(value) is Remote else value

        return func(*(local(a) for a in args), **{k: local(v) for k, v in kwargs.items()})

    def __enter__(self) -> Any:
        return self._ask("call_method", name="__enter__", args=(), kwargs={})

    def __exit__(self, *exc: Any) -> Any:
        return self._ask("call_method", name="__exit__", args=(None, None, None), kwargs={})


def _conversion(name: str) -> Callable:
    def convert(self: Remote) -> Any:
        return self._ask("convert", kind=name)
    convert.__name__ = f"__{name}__"
    return convert


def _binary(name: str, reflected: bool) -> Callable:
    def binary(self: Remote, other: Any) -> Any:
        return self._ask("binop", name=name, other=other, reflected=reflected)
    binary.__name__ = f"__{'r' if reflected else ''}{name.rstrip('_')}__"
    return binary


def _unary(name: str) -> Callable:
    def unary(self: Remote) -> Any:
        return self._ask("unop", name=name)
    unary.__name__ = f"__{name}__"
    return unary


for _name in ("len", "bool", "float", "int", "index", "complex", "str", "hash"):
    setattr(Remote, f"__{_name}__", _conversion(_name))
for _name in BINARY_OPS:
    _dunder = _name.rstrip("_")
    setattr(Remote, f"__{_dunder}__", _binary(_name, reflected=False))
    if _name not in ("lt", "le", "gt", "ge", "eq", "ne"):
        setattr(Remote, f"__r{_dunder}__", _binary(_name, reflected=True))
for _name in UNARY_OPS:
    setattr(Remote, f"__{_name}__", _unary(_name))


def library_class(value: Any) -> str | None:
    """The name of the first class in the value's type's MRO that a library defines."""
    for kind in type(value).__mro__:
        if kind is object:
            return None
        named = codec.library_name(kind)
        if named is not None:
            return named
    return None


def qualified_type(value: Any) -> str:
    kind = type(value)
    module = getattr(kind, "__module__", "") or ""
    name = getattr(kind, "__qualname__", "?")
    return f"{module}.{name}" if module not in ("", "builtins") else str(name)


class Peer:
    """One kernel's end: its exports, the proxies of the other side's, and its requests.

    `transport` has ``send(header, buffers)`` and ``recv() -> (header, buffers)``.
    `namespace` is where names are looked up (the notebook's globals).
    """

    def __init__(self, transport: Any, role: str, namespace: dict | None = None):
        self.transport = transport
        self.role = role
        self.namespace = namespace if namespace is not None else {}
        self.exports: dict[int, Any] = {}
        self._by_object: dict[int, int] = {}
        self._ids = itertools.count(1)
        self._requests = itertools.count(1)
        self.contexts: dict[int, Any] = {}
        self._proxies: dict[int, Remote] = {}
        # Flush this kernel's outputs before each message, so they keep their order.
        self.flush: Callable[[], None] | None = None

    # ------------------------------------------------------------------ exporting

    def export(self, value: Any) -> dict:
        if self.role == TRUSTED and not isinstance(value, FUNCTION_TYPES):
            raise codec.CannotSend(
                f"a {qualified_type(value)} cannot be sent to the student's kernel: only plain "
                "data (numbers, strings, arrays, lists, tuples, dicts) and functions can; build "
                "the object there (see CONTRIBUTING.md, 'Tests that run in two kernels')")
        handle = self._by_object.get(id(value))
        if handle is None or self.exports.get(handle) is not value:
            handle = next(self._ids)
            self.exports[handle] = value
            self._by_object[id(value)] = handle
        return {"$h": handle, "type": qualified_type(value), "call": callable(value),
                "library": library_class(value)}

    def own(self, value: Any) -> int | None:
        """The other side's handle id when `value` is one of our proxies of its objects."""
        if type(value) is Remote and object.__getattribute__(value, "_r_peer") is self:
            return object.__getattribute__(value, "_r_id")
        return None

    def encode(self, value: Any) -> tuple[Any, list[bytes]]:
        return codec.encode(value, self.export, self.own)

    def decode(self, tree: Any, buffers: list[bytes], readonly: bool = False,
               args: list | None = None) -> Any:
        return codec.decode(tree, buffers, self._proxy, self._resolve, readonly, args)

    def _proxy(self, description: dict) -> Remote:
        # One proxy per object, so that `a is b` means what it means over there.
        proxy = self._proxies.get(description["id"])
        if proxy is None:
            proxy = Remote(self, description["id"], description["type"], description["call"],
                           description["library"])
            self._proxies[description["id"]] = proxy
        return proxy

    def _resolve(self, handle: int) -> Any:
        try:
            return self.exports[handle]
        except KeyError:
            raise codec.WireError(f"no object with handle {handle}") from None

    # ------------------------------------------------------------------ requesting

    def request(self, op: str, target: Any = None, **fields: Any) -> Any:
        """Ask the other side to do `op` and return its decoded answer (or raise its error)."""
        number = next(self._requests)
        tree, buffers = self.encode({"target": target, **fields})
        # What the other side's code may change in place, numbered as it will number it.
        originals = (codec.mutable_parts((fields.get("args", ()), fields.get("kwargs", {})))
                     if op in CALLS else [])
        if self.flush is not None:
            self.flush()
        self.transport.send({"request": number, "op": op, "body": tree}, buffers)
        while True:
            header, data = self.transport.recv()
            if "request" in header:
                self.answer(header, data)
                continue
            if header.get("op") == "stop":
                raise Stopped
            if header.get("reply") != number:
                raise codec.WireError("an answer arrived for a request that was not made")
            if "error" in header:
                raise_error(header["error"])
            value = self.decode(header.get("value"), data, readonly=header.get("readonly") is True,
                                args=originals)
            if header.get("writeback"):
                self._write_back(header["writeback"], data, originals)
            return value

    def _write_back(self, entries: Any, data: list[bytes], originals: list) -> None:
        """Make the changes the other side's code made in place to our own arguments."""
        if type(entries) is not list:
            raise codec.WireError("malformed writeback")
        decoded = []
        for entry in entries:
            if type(entry) is not list or len(entry) != 2 or type(entry[0]) is not int or not (
                    0 <= entry[0] < len(originals)):
                raise codec.WireError("malformed writeback entry")
            decoded.append((originals[entry[0]], self.decode(entry[1], data, args=originals)))
        # Arrays first: a changed list may hold arrays that were also changed in place.
        decoded.sort(key=lambda pair: isinstance(pair[0], list | dict))
        for original, new in decoded:
            codec.assign_in_place(original, new)

    # ------------------------------------------------------------------ answering

    def answer(self, header: dict, data: list[bytes]) -> None:
        """Carry out one request from the other side and send the reply."""
        number = header.get("request")
        try:
            op = header.get("op")
            if self.role == TRUSTED and op != "call":
                raise PermissionError("the trusted kernel answers only calls to its stand-ins")
            body = self.decode(header.get("body"), data)
            if type(body) is not dict:
                raise codec.WireError("a request has no body")
            parts = codec.mutable_parts((body.get("args", ()), body.get("kwargs", {})))
            before = [codec.snapshot(part) for part in parts] if op in CALLS else []
            value, readonly = self.carry_out(op, body)
            encoder = codec.Encoder(self.export, self.own,
                                    {id(part): n for n, part in enumerate(parts)})
            # What a test reads from a module of this kernel is meant to run here: a class
            # or function of it comes back as a handle, not by name.
            encoder.by_name = not (op == "getattr" and isinstance(body.get("target"),
                                                                   types.ModuleType))
            reply = {"reply": number, "value": encoder.encode(value), "readonly": readonly}
            changed = [[n, encoder.encode(codec.contents(part))]
                       for n, (part, old) in enumerate(zip(parts, before))
                       if codec.changed(part, old)]
            if changed:
                reply["writeback"] = changed
            buffers = encoder.buffers
        except Stopped:
            raise
        except BaseException as exc:  # noqa: BLE001  (every failure becomes the reply)
            error = describe_error(exc, where=self.role == STUDENT)
            reply, buffers = {"reply": number, "error": error}, []
        if self.flush is not None:
            self.flush()
        self.transport.send(reply, buffers)

    def carry_out(self, op: str, body: dict) -> tuple[Any, bool]:
        """The value of one operation, and whether it is a read of existing state."""
        target = body.get("target")
        if op == "call":
            return target(*body.get("args", ()), **body.get("kwargs", {})), False
        if self.role != STUDENT:
            raise PermissionError(f"operation {op!r} is not allowed here")
        if op == "global":
            name = body["name"]
            if name not in self.namespace:
                raise NameError(f"name {name!r} is not defined in the notebook")
            return self.namespace[name], False
        if op == "module":
            return importlib.import_module(str(body["name"])), False
        if op == "getattr":
            return getattr(target, str(body["name"])), True
        if op == "setattr":
            setattr(target, str(body["name"]), body["value"])
            return None, False
        if op == "delattr":
            delattr(target, str(body["name"]))
            return None, False
        if op == "getitem":
            return target[body["key"]], True
        if op == "setitem":
            target[body["key"]] = body["value"]
            return None, False
        if op == "delitem":
            del target[body["key"]]
            return None, False
        if op == "contains":
            return body["item"] in target, False
        if op == "iter":
            return iter(target), False
        if op == "next":
            return next(target), False
        if op == "convert":
            return CONVERSIONS[body["kind"]](target), False
        if op == "array":
            return _plain_array(target), False
        if op == "binop":
            function = BINARY_OPS[body["name"]]
            left, right = (body["other"], target) if body["reflected"] else (target, body["other"])
            return function(left, right), False
        if op == "unop":
            return UNARY_OPS[body["name"]](target), False
        if op == "call_method":
            method = getattr(target, str(body["name"]))
            return method(*body.get("args", ()), **body.get("kwargs", {})), False
        if op == "isinstance":
            return isinstance(target, resolve_class(str(body["cls"]), self.namespace)), False
        if op == "enter":
            from . import student_side

            token = next(self._ids)
            self.contexts[token] = student_side.enter(body["kind"], body.get("params", {}),
                                                      self.namespace)
            return token, False
        if op == "exit":
            context = self.contexts.pop(body["token"], None)
            if context is not None:
                context.close()
            return None, False
        if op == "ship":
            return _define(str(body["name"]), str(body["source"]), self.namespace), False
        raise ValueError(f"unknown operation {op!r}")

    def close_contexts(self) -> None:
        """Leave every student-side context still entered (newest first)."""
        for token in sorted(self.contexts, reverse=True):
            self.contexts.pop(token).close()

    def serve(self) -> None:
        """Answer requests until the grading process says stop (the student's kernel)."""
        try:
            while True:
                header, data = self.transport.recv()
                if header.get("op") == "stop" and "request" not in header:
                    return
                if "request" in header:
                    self.answer(header, data)
        except Stopped:
            return
        finally:
            self.close_contexts()


def _plain_array(value: Any) -> Any:
    import numpy as np

    tensor = codec._torch_tensor_type()
    if tensor is not None and isinstance(value, tensor):
        return value.detach().cpu().numpy()
    if hasattr(value, "numpy") and not isinstance(value, np.ndarray):
        return np.asarray(value.numpy())
    return np.asarray(value)


def resolve_class(dotted: str, namespace: dict | None = None) -> type:
    """The class named `module.Class` (aliases np, tf, plt allowed), importing its module;
    a bare name is one of the notebook's (`namespace`) or a built-in."""
    aliases = {"np": "numpy", "tf": "tensorflow", "plt": "matplotlib.pyplot"}
    module_name, _, name = dotted.rpartition(".")
    module_name = aliases.get(module_name, module_name)
    if not module_name and namespace is not None and name in namespace:
        owner: Any = namespace[name]
        if isinstance(owner, type):
            return owner
    owner = importlib.import_module(module_name) if module_name else builtins
    for part in name.split("."):
        owner = getattr(owner, part)
    if not isinstance(owner, type) and not (
            isinstance(owner, tuple) and all(isinstance(t, type) for t in owner)):
        raise TypeError(f"{dotted} is not a class")
    return owner


def _define(name: str, source: str, namespace: dict) -> Any:
    scope = dict(namespace)
    exec(compile(source, f"<test helper {name}>", "exec"), scope)  # noqa: S102
    return scope[name]


# Code that is not the notebook's: installed libraries and the course's own packages.
_LIBRARY_FOLDERS = tuple({sys.prefix, sys.base_prefix, os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__))))})


def describe_error(exc: BaseException, where: bool = True) -> dict:
    """An exception as plain data: its type, message and (with `where`) the notebook line
    that raised it."""
    kind = type(exc)
    place = ""
    for frame in reversed(traceback.extract_tb(exc.__traceback__) if where else []):
        if not frame.filename.startswith(_LIBRARY_FOLDERS):
            place = f"line {frame.lineno} of a notebook cell, in {frame.name}"
            break
    try:
        message = str(exc)
    except Exception:  # noqa: BLE001  (a student's __str__ may raise)
        message = "<the exception's message could not be shown>"
    return {"type": kind.__name__, "builtin": getattr(builtins, kind.__name__, None) is kind,
            "message": message[:MESSAGE_CHARS], "where": place}


def raise_error(error: Any) -> None:
    """Raise the exception an error reply describes (a built-in type where it was one)."""
    if type(error) is not dict:
        raise codec.WireError("malformed error reply")
    name, message = str(error.get("type", "Exception"))[:100], str(error.get("message", ""))
    where = str(error.get("where", ""))[:300]
    kind = getattr(builtins, name, None) if error.get("builtin") is True else None
    if name == "StopIteration" and kind is StopIteration:
        raise StopIteration
    shown = f"{message} (raised at {where})".lstrip() if where else message
    if isinstance(kind, type) and issubclass(kind, BaseException):
        try:
            exc = kind(shown)
        except Exception:  # noqa: BLE001  (a built-in exception with another signature)
            exc = None
        if exc is not None:
            raise exc
    raise StudentCodeError(f"{name}: {shown}")


def flush_outputs() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001  (a replaced stream must not stop the message)
            pass


def connect(path: str, role: str, namespace: dict) -> Peer:
    """A peer on the grading process's socket at `path`."""
    from .channel import Channel

    peer = Peer(Channel.connect(path), role, namespace)
    peer.flush = flush_outputs
    return peer


def current_namespace() -> dict:
    """The notebook's globals (IPython's user namespace, or __main__'s)."""
    get_ipython = getattr(builtins, "get_ipython", None)
    shell = get_ipython() if get_ipython else None
    return shell.user_ns if shell is not None else sys.modules["__main__"].__dict__


def refusal(header: dict, public_text: str) -> str | None:
    """Why the grading process will not pass this request of the trusted kernel on, if it
    will not: a helper to run in the student's kernel must come from a public test part."""
    if header.get("op") != "ship":
        return None
    body = header.get("body")
    fields = body.get("$dict", {}) if isinstance(body, dict) else {}
    source = fields.get("source") if isinstance(fields, dict) else None
    if not isinstance(source, str) or source.strip() not in public_text:
        return ("on_student_side: only a helper defined in a public part of a test cell may "
                "run in the student's kernel (this one is hidden or not in the notebook)")
    return None


def refusal_reply(number: Any, message: str) -> dict:
    """The reply the grading process sends in place of the student's kernel."""
    return {"reply": number, "error": {"type": "RuntimeError", "builtin": True,
                                       "message": message, "where": ""}}
