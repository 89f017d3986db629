"""Values between the two kernels: plain data, or handles for everything else.

Plain data crosses as JSON plus raw array bytes, never pickle: None, bools,
numbers, strings, bytes, lists, tuples, dicts, sets, slices, NumPy arrays and
scalars of numeric dtypes, and tensors that carry no autograd graph (PyTorch
tensors without ``requires_grad``, TensorFlow eager tensors). A decoded value is
a new object of a built-in or NumPy type, whatever the sender's object claimed
to be: its ``__eq__``, ``__class__`` or ``shape`` played no part.

Everything else (functions, classes, models, parameters that can be changed in
place) is *exported*: the sender keeps it in a table and sends a handle, which
the receiver turns into a proxy (see ``agent``). A handle sent back to its owner
is resolved to the original object.

:func:`decode` trusts nothing: it checks every node, bounds depth, size and
count, and raises :class:`WireError` for anything malformed.
"""

from __future__ import annotations

import importlib
import math
import re
import sys
import types
from collections.abc import Callable
from typing import Any

import numpy as np

MAX_DEPTH = 64
MAX_NODES = 5_000_000
MAX_BYTES = 2 << 30  # raw array bytes in one message
_DTYPE = re.compile(r"^[<>|=]?[biufc][1-9][0-9]?$")
_TORCH_DTYPES = ("float64", "float32", "float16", "bfloat16", "int64", "int32", "int16",
                 "int8", "uint8", "bool", "complex64", "complex128")


class WireError(ValueError):
    """Data from the other kernel that is not a valid message."""


class CannotSend(TypeError):
    """A value that may not cross (the trusted side exports only functions)."""


def _torch_tensor_type():
    torch = sys.modules.get("torch")
    return torch.Tensor if torch is not None else None


def _tf_types():
    tf = sys.modules.get("tensorflow")
    if tf is None:
        return None, None
    return tf.Tensor, tf.Variable


def is_plain_tensor(value: Any) -> bool:
    """A tensor whose value is all there is to it (no autograd graph, not a variable)."""
    tensor = _torch_tensor_type()
    if tensor is not None and isinstance(value, tensor):
        return not value.requires_grad
    tf_tensor, tf_variable = _tf_types()
    if tf_tensor is not None and isinstance(value, tf_tensor) and not isinstance(
            value, tf_variable):
        # Eager tensors of numbers only (a variable's resource handle is no value).
        return hasattr(value, "numpy") and value.dtype.is_numeric
    return False


class Encoder:
    """Turns a value into a JSON-able tree plus raw buffers.

    `export(value)` returns the handle descriptor for a value that is not plain
    data (or raises :class:`CannotSend`); `own(value)` returns the id of a proxy
    of the receiver's object, so that it is sent back as a reference.
    """

    def __init__(self, export: Callable[[Any], dict], own: Callable[[Any], int | None],
                 aliases: dict[int, int] | None = None):
        self.export = export
        self.own = own
        self.aliases = aliases or {}  # id of an argument received -> its place (writeback)
        self.by_name = True  # library functions and classes cross by name (see LIBRARIES)
        self.buffers: list[bytes] = []
        self._active: set[int] = set()

    def encode(self, value: Any) -> Any:
        ref = self.own(value)
        if ref is not None:
            return {"$ref": ref}
        alias = self.aliases.get(id(value)) if self.aliases else None
        if alias is not None:
            return {"$arg": alias}
        if value is None or type(value) in (bool, str):
            return value
        if type(value) is int:
            return value
        if type(value) is float:
            return value if math.isfinite(value) else {"$f": repr(value)}
        if isinstance(value, np.ndarray | np.generic) and np.asarray(value).dtype.kind in "biufc":
            return self._array(np.asarray(value), scalar=isinstance(value, np.generic))
        if is_plain_tensor(value):
            return self._tensor(value)
        if isinstance(value, bool | int) and not isinstance(value, np.generic):
            return int(value) if not isinstance(value, bool) else bool(value)
        if isinstance(value, float):
            return self.encode(float(value))
        if isinstance(value, complex):
            return {"$c": [value.real, value.imag]}
        if isinstance(value, str):
            return str.__str__(value)
        if isinstance(value, bytes | bytearray):
            self.buffers.append(bytes(value))
            return {"$b": len(self.buffers) - 1}
        if value is Ellipsis:
            return {"$ellipsis": True}
        if isinstance(value, slice):
            return {"$slice": [self.encode(value.start), self.encode(value.stop),
                               self.encode(value.step)]}
        if isinstance(value, list | tuple | set | frozenset | dict):
            return self._container(value)
        named = library_name(value) if self.by_name else None
        if named is not None:
            return {"$named": named}
        return self.export(value)

    def _container(self, value: Any) -> Any:
        if id(value) in self._active:
            return self.export(value)  # a container that holds itself
        self._active.add(id(value))
        try:
            if isinstance(value, dict):
                items = list(value.items())
                if all(type(k) is str for k, _ in items):
                    return {"$dict": {k: self.encode(v) for k, v in items}}
                return {"$map": [[self.encode(k), self.encode(v)] for k, v in items]}
            items = [self.encode(item) for item in list(value)]
            if isinstance(value, list):
                return items
            return {"$set" if isinstance(value, set | frozenset) else "$tuple": items}
        finally:
            self._active.discard(id(value))

    def _array(self, array: np.ndarray, scalar: bool) -> dict:
        self.buffers.append(array.tobytes(order="C"))
        return {"$nd": len(self.buffers) - 1, "dtype": array.dtype.str,
                "shape": list(array.shape), "scalar": scalar}

    def _tensor(self, tensor: Any) -> dict:
        torch_tensor = _torch_tensor_type()
        if torch_tensor is not None and isinstance(tensor, torch_tensor):
            import torch

            kind = str(tensor.dtype).removeprefix("torch.")
            data = tensor.detach().cpu()
            if kind == "bfloat16":
                data = data.to(torch.float32)
            description = self._array(data.numpy(), scalar=False)
            return {**description, "$torch": kind}
        description = self._array(np.asarray(tensor.numpy()), scalar=False)
        return {**description, "$tf": str(tensor.dtype.name)}


def encode(value: Any, export: Callable[[Any], dict],
           own: Callable[[Any], int | None] = lambda value: None,
           aliases: dict[int, int] | None = None) -> tuple[Any, list[bytes]]:
    """`value` as a JSON-able tree and its buffers. An object whose id is in `aliases`
    is sent as ``{"$arg": n}``: the receiver's own n-th mutable argument (writeback)."""
    encoder = Encoder(export, own, aliases)
    return encoder.encode(value), encoder.buffers


class Decoder:
    """Builds plain values from a tree sent by the other side; see :func:`decode`."""

    def __init__(self, buffers: list[bytes], proxy: Callable[[dict], Any],
                 resolve: Callable[[int], Any], readonly: bool, args: list | None = None):
        self.buffers = buffers
        self.proxy = proxy
        self.resolve = resolve
        self.readonly = readonly
        self.args = args or []
        self.nodes = 0

    def decode(self, node: Any, depth: int = 0) -> Any:
        self.nodes += 1
        if depth > MAX_DEPTH or self.nodes > MAX_NODES:
            raise WireError("the value is nested too deeply or has too many parts")
        if node is None or type(node) in (bool, int, str):
            return node
        if type(node) is float:
            return node
        if type(node) is list:
            return [self.decode(item, depth + 1) for item in node]
        if type(node) is not dict or len(node) == 0:
            raise WireError(f"unexpected {type(node).__name__} in a message")
        tag = next(iter(node))
        if tag == "$dict":
            items = _expect(node, tag, dict)
            return {str(k): self.decode(v, depth + 1) for k, v in items.items()}
        if tag == "$map":
            pairs = _expect(node, tag, list)
            result = {}
            for pair in pairs:
                if type(pair) is not list or len(pair) != 2:
                    raise WireError("a mapping entry is not a key and a value")
                key = self.decode(pair[0], depth + 1)
                try:
                    result[key] = self.decode(pair[1], depth + 1)
                except TypeError as exc:
                    raise WireError(f"a mapping key cannot be used as a key: {exc}") from None
            return result
        if tag in ("$tuple", "$set"):
            items = [self.decode(item, depth + 1) for item in _expect(node, tag, list)]
            try:
                return tuple(items) if tag == "$tuple" else set(items)
            except TypeError as exc:
                raise WireError(f"a set holds a value that cannot be in a set: {exc}") from None
        if tag == "$f":
            text = _expect(node, tag, str)
            if text not in ("nan", "inf", "-inf"):
                raise WireError(f"{text!r} is not a special float")
            return float(text)
        if tag == "$c":
            parts = _expect(node, tag, list)
            if len(parts) != 2 or not all(type(p) in (int, float) for p in parts):
                raise WireError("a complex number needs two real parts")
            return complex(*parts)
        if tag == "$b":
            return bytes(self._buffer(node[tag]))
        if tag == "$ellipsis":
            return Ellipsis
        if tag == "$slice":
            parts = _expect(node, tag, list)
            if len(parts) != 3:
                raise WireError("a slice has three parts")
            return slice(*(self.decode(p, depth + 1) for p in parts))
        if tag == "$nd":
            return self._array(node)
        if tag == "$h":
            return self.proxy(_handle_description(node))
        if tag == "$ref":
            ref = node[tag]
            if type(ref) is not int:
                raise WireError("a reference is not a number")
            return self.resolve(ref)
        if tag == "$named":
            return resolve_library_name(_expect(node, tag, str))
        if tag == "$arg":
            index = node[tag]
            if type(index) is not int or not 0 <= index < len(self.args):
                raise WireError("a writeback refers to an argument that was not sent")
            return self.args[index]
        raise WireError(f"unknown value tag {tag!r}")

    def _buffer(self, index: Any) -> bytes:
        if type(index) is not int or not 0 <= index < len(self.buffers):
            raise WireError("a value refers to a buffer that was not sent")
        return self.buffers[index]

    def _array(self, node: dict) -> Any:
        dtype, shape = node.get("dtype"), node.get("shape")
        if type(dtype) is not str or not _DTYPE.match(dtype):
            raise WireError(f"unsupported array dtype {dtype!r}")
        if type(shape) is not list or len(shape) > 32 or not all(
                type(n) is int and n >= 0 for n in shape):
            raise WireError("an array shape must be a list of sizes")
        data = self._buffer(node["$nd"])
        dt = np.dtype(dtype)
        if math.prod(shape) * dt.itemsize != len(data):
            raise WireError("an array's bytes do not match its shape and dtype")
        array = np.frombuffer(data, dtype=dt).reshape(shape).copy()
        if "$torch" in node:
            return _torch_from(array, node["$torch"])
        if "$tf" in node:
            return _tf_from(array)
        if node.get("scalar") is True:
            if array.shape != ():
                raise WireError("a scalar must have shape ()")
            return array[()]
        if self.readonly:
            array.flags.writeable = False
        return array


def _expect(node: dict, tag: str, kind: type) -> Any:
    value = node[tag]
    if type(value) is not kind or len(node) != 1:
        raise WireError(f"malformed {tag} value")
    return value


def _handle_description(node: dict) -> dict:
    handle, kind, call = node.get("$h"), node.get("type"), node.get("call")
    library = node.get("library")
    if type(handle) is not int or type(kind) is not str or type(call) is not bool or (
            library is not None and type(library) is not str):
        raise WireError("malformed handle")
    return {"id": handle, "type": kind[:200], "call": call,
            "library": library[:300] if library else None}


def _torch_from(array: np.ndarray, kind: Any) -> Any:
    if kind not in _TORCH_DTYPES:
        raise WireError(f"unsupported tensor dtype {kind!r}")
    try:
        import torch
    except ImportError:
        return array
    return torch.from_numpy(array).to(getattr(torch, kind))


def _tf_from(array: np.ndarray) -> Any:
    tf = sys.modules.get("tensorflow")
    return tf.constant(array) if tf is not None else array


def decode(tree: Any, buffers: list[bytes], proxy: Callable[[dict], Any],
           resolve: Callable[[int], Any], readonly: bool = False,
           args: list | None = None) -> Any:
    """The value `tree` describes; handles become `proxy(description)`, references
    `resolve(id)`, ``$arg`` entries the objects in `args`. With `readonly`, arrays come
    back read-only (a copy of a remote attribute cannot be changed in place by mistake)."""
    if sum(len(b) for b in buffers) > MAX_BYTES:
        raise WireError(f"a message may carry at most {MAX_BYTES >> 20} MB of array data")
    return Decoder(buffers, proxy, resolve, readonly, args).decode(tree)


# ------------------------------------------------------------------ library objects by name

# Functions and classes of these packages cross by name: each kernel uses its own copy
# (np.tanh given to a student's function, keras.Sequential in a student's answer).
LIBRARIES = frozenset({"numpy", "scipy", "torch", "tensorflow", "keras", "math", "utils"})


def library_name(value: Any) -> str | None:
    """`module.qualname` of a function or class of a library in LIBRARIES, if it is one."""
    if not isinstance(value, type | types.FunctionType | types.BuiltinFunctionType | np.ufunc):
        return None
    module = getattr(value, "__module__", None) or ("numpy" if isinstance(value, np.ufunc)
                                                    else None)
    name = getattr(value, "__qualname__", None) or getattr(value, "__name__", None)
    if type(module) is not str or type(name) is not str or "<" in name:
        return None
    if module.partition(".")[0] not in LIBRARIES:
        return None
    dotted = f"{module}.{name}"
    try:
        return dotted if resolve_library_name(dotted) is value else None
    except WireError:
        return None


def resolve_library_name(dotted: str) -> Any:
    """The function or class a library name stands for (only LIBRARIES' own)."""
    if dotted.partition(".")[0] not in LIBRARIES or len(dotted) > 300:
        raise WireError(f"{dotted!r} is not a name of a library the course uses")
    parts = dotted.split(".")
    for split in range(len(parts) - 1, 0, -1):
        module_name = ".".join(parts[:split])
        try:
            owner: Any = importlib.import_module(module_name)
        except ImportError:
            continue
        try:
            for part in parts[split:]:
                owner = getattr(owner, part)
        except AttributeError:
            continue
        if isinstance(owner, type | types.FunctionType | types.BuiltinFunctionType | np.ufunc):
            return owner
        break
    raise WireError(f"{dotted!r} does not name a function or class")


# ------------------------------------------------------------------ writeback of arguments


def mutable_parts(value: Any, found: list | None = None, depth: int = 0,
                  active: set | None = None) -> list:
    """The arrays, plain tensors, lists and dicts inside call arguments, in the order the
    codec sends them: both sides number them alike, so that a change the student's code
    made in place can be made to the caller's own objects (see ``agent``)."""
    found = [] if found is None else found
    active = set() if active is None else active
    if depth > MAX_DEPTH or id(value) in active:
        return found
    if isinstance(value, np.ndarray) and value.dtype.kind in "biufc":
        found.append(value)
    elif is_plain_tensor(value) and _torch_tensor_type() is not None and isinstance(
            value, _torch_tensor_type()):
        found.append(value)
    elif isinstance(value, list | dict | tuple):
        active.add(id(value))
        if not isinstance(value, tuple):
            found.append(value)
        for item in (value.values() if isinstance(value, dict) else value):
            mutable_parts(item, found, depth + 1, active)
        active.discard(id(value))
    return found


def snapshot(part: Any) -> Any:
    """What `part` holds now, to see later whether code changed it in place."""
    if isinstance(part, np.ndarray):
        return part.copy()
    if isinstance(part, list):
        return list(part)
    if isinstance(part, dict):
        return list(part.items())
    return part.detach().clone()  # a plain torch tensor


def changed(part: Any, old: Any) -> bool:
    if isinstance(part, np.ndarray):
        return part.shape != old.shape or part.tobytes() != old.tobytes()
    if isinstance(part, list):
        return len(part) != len(old) or any(a is not b for a, b in zip(part, old))
    if isinstance(part, dict):
        items = list(part.items())
        return len(items) != len(old) or any(
            k1 != k2 or v1 is not v2 for (k1, v1), (k2, v2) in zip(items, old))
    import torch

    return not torch.equal(part.detach(), old)


def contents(part: Any) -> Any:
    """A new object with `part`'s contents (so that it is not sent as the argument itself)."""
    if isinstance(part, list):
        return list(part)
    if isinstance(part, dict):
        return dict(part)
    if isinstance(part, np.ndarray):
        return part.copy()
    return part.detach().clone()


def assign_in_place(original: Any, new: Any) -> None:
    """Give `original` the contents `new` (of the same kind), keeping its identity."""
    if isinstance(original, np.ndarray):
        if isinstance(new, np.ndarray) and new.shape == original.shape and (
                original.flags.writeable):
            original[...] = new
        return
    if isinstance(original, list) and isinstance(new, list):
        original[:] = new
    elif isinstance(original, dict) and isinstance(new, dict):
        original.clear()
        original.update(new)
    elif _torch_tensor_type() is not None and isinstance(original, _torch_tensor_type()):
        import torch

        with torch.no_grad():
            original.copy_(torch.as_tensor(new).reshape(original.shape))
