"""Read files in the IDX format used by MNIST and Fashion-MNIST.

An IDX file is: two zero bytes, a type-code byte, a byte holding the number of
dimensions, one big-endian uint32 size per dimension, then the data in
big-endian byte order. See http://yann.lecun.com/exdb/mnist/.
"""

from __future__ import annotations

import gzip
import math
import os
import struct
import zlib
from pathlib import Path

import numpy as np

__all__ = ["IDX_DTYPES", "IDXError", "parse_idx", "read_idx"]

# Type code -> big-endian numpy dtype, as listed in the IDX specification.
IDX_DTYPES: dict[int, np.dtype] = {
    0x08: np.dtype("u1"),
    0x09: np.dtype("i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}

_GZIP_MAGIC = b"\x1f\x8b"


class IDXError(ValueError):
    """Raised when bytes or a file are not a valid IDX file."""


def _known_codes() -> str:
    return ", ".join(f"0x{code:02X} ({dt.name})" for code, dt in IDX_DTYPES.items())


def parse_idx(raw: bytes, name: str = "<bytes>") -> np.ndarray:
    """Parse the (decompressed) bytes of an IDX file into a native-byte-order array.

    ``name`` is only used in error messages. Raises IDXError when the magic number,
    header or data length is wrong.
    """
    raw = memoryview(raw).cast("B")
    if len(raw) < 4:
        raise IDXError(
            f"{name}: the IDX header is truncated: found {len(raw)} bytes, "
            "expected at least 4. The file is incomplete; delete it and fetch it again."
        )
    if raw[0] != 0 or raw[1] != 0:
        hint = (
            " The data is still gzip-compressed: decompress it first (read_idx does this "
            "for files ending in .gz)."
            if bytes(raw[:2]) == _GZIP_MAGIC
            else " This is not an IDX file."
        )
        raise IDXError(
            f"{name}: bad magic number: the first two bytes are 0x{raw[0]:02X} 0x{raw[1]:02X}, "
            f"expected 0x00 0x00.{hint}"
        )
    code, ndim = raw[2], raw[3]
    if code not in IDX_DTYPES:
        raise IDXError(
            f"{name}: unknown IDX type code 0x{code:02X}; expected one of {_known_codes()}. "
            "This is not a valid IDX file."
        )
    if ndim < 1:
        raise IDXError(f"{name}: the IDX header says 0 dimensions, expected at least 1.")
    header_len = 4 + 4 * ndim
    if len(raw) < header_len:
        raise IDXError(
            f"{name}: the IDX header is truncated: {ndim} dimensions need a "
            f"{header_len}-byte header, but the file has only {len(raw)} bytes. "
            "The file is incomplete; delete it and fetch it again."
        )
    shape = struct.unpack(f">{ndim}I", raw[4:header_len])
    dtype = IDX_DTYPES[code]
    # math.prod on Python ints: no overflow however large the header claims to be.
    expected = math.prod(shape) * dtype.itemsize
    found = len(raw) - header_len
    if found != expected:
        problem = "truncated" if found < expected else "too long"
        raise IDXError(
            f"{name}: the IDX data is {problem}: the header says shape {shape} of "
            f"{dtype.name} = {expected} bytes, but found {found} bytes after the header. "
            "The file is damaged; delete it and fetch it again."
        )
    data = np.frombuffer(raw, dtype=dtype, offset=header_len).reshape(shape)
    # astype copies: the result is writable, independent of ``raw`` and native-endian.
    return data.astype(dtype.newbyteorder("="))


def read_idx(path: str | os.PathLike[str]) -> np.ndarray:
    """Read an IDX file, gzip-compressed if its name ends in ``.gz``, into an array."""
    path = Path(path)
    if path.suffix == ".gz":
        try:
            with gzip.open(path, "rb") as f:
                raw = f.read()
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise IDXError(
                f"{path}: not a valid gzip file ({type(exc).__name__}: {exc}). "
                "The file is truncated or damaged; delete it and fetch it again."
            ) from exc
    else:
        raw = path.read_bytes()
    return parse_idx(raw, name=str(path))
