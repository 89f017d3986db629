"""Framed messages on a stream socket: a JSON header and raw buffers.

A frame is the number of parts (4 bytes), then each part as its length
(8 bytes) and its bytes; part 0 is the UTF-8 JSON header, the others are the
buffers that ``codec`` refers to by index. Both kernels use the blocking
:class:`Channel`; the grading process relays frames with :func:`read_frame` and
:func:`write_frame` on asyncio streams, without decoding the values.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import socket
import struct
import threading
from typing import Any

from .codec import MAX_BYTES, WireError

MAX_PARTS = 1 << 20
MAX_HEADER = 64 << 20


def _check_counts(parts: int) -> None:
    if not 1 <= parts <= MAX_PARTS:
        raise WireError(f"a frame must have between 1 and {MAX_PARTS} parts, not {parts}")


def _check_length(index: int, length: int, total: int) -> None:
    if (index == 0 and length > MAX_HEADER) or total > MAX_BYTES + MAX_HEADER:
        raise WireError("a message is larger than allowed")


def pack(header: dict, buffers: list[bytes]) -> list[bytes]:
    """The parts of a frame, ready to be written."""
    parts = [json.dumps(header, separators=(",", ":")).encode(), *buffers]
    out = [struct.pack(">I", len(parts))]
    for part in parts:
        out += [struct.pack(">Q", len(part)), part]
    return out


def unpack_header(raw: bytes) -> dict:
    try:
        header = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        raise WireError(f"a message header is not JSON: {exc}") from None
    if type(header) is not dict:
        raise WireError("a message header is not an object")
    return header


@contextlib.contextmanager
def _no_interrupts():
    """Hold SIGINT back (it is delivered afterwards) so that no message is cut in two."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class Channel:
    """One end of a connection, used from inside a kernel (blocking)."""

    def __init__(self, sock: socket.socket):
        self.sock = sock

    @classmethod
    def connect(cls, path: str) -> Channel:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(path)
        return cls(sock)

    def send(self, header: dict, buffers: list[bytes] = ()) -> None:
        data = b"".join(pack(header, list(buffers)))
        with _no_interrupts():
            self.sock.sendall(data)

    def _exactly(self, count: int) -> bytes:
        chunks, left = [], count
        while left:
            chunk = self.sock.recv(min(left, 1 << 22))
            if not chunk:
                raise ConnectionError("the grading process closed the connection")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def recv(self) -> tuple[dict, list[bytes]]:
        first = self.sock.recv(1)  # waiting for a message may be interrupted (a time limit)
        if not first:
            raise ConnectionError("the grading process closed the connection")
        with _no_interrupts():  # a message that has begun is read whole
            (parts,) = struct.unpack(">I", first + self._exactly(3))
            _check_counts(parts)
            data, total = [], 0
            for index in range(parts):
                (length,) = struct.unpack(">Q", self._exactly(8))
                total += length
                _check_length(index, length, total)
                data.append(self._exactly(length))
        return unpack_header(data[0]), data[1:]


async def read_frame(reader: asyncio.StreamReader) -> list[bytes]:
    """The raw parts of the next frame (EOFError when the peer is gone)."""
    try:
        (parts,) = struct.unpack(">I", await reader.readexactly(4))
        _check_counts(parts)
        data, total = [], 0
        for index in range(parts):
            (length,) = struct.unpack(">Q", await reader.readexactly(8))
            total += length
            _check_length(index, length, total)
            data.append(await reader.readexactly(length))
    except asyncio.IncompleteReadError:
        raise EOFError("the kernel closed its connection") from None
    return data


def frame_header(parts: list[bytes]) -> dict:
    """The decoded header of a raw frame."""
    return unpack_header(parts[0])


async def write_frame(writer: asyncio.StreamWriter, parts: list[bytes]) -> None:
    """Write a frame given as its raw parts (header first)."""
    out = [struct.pack(">I", len(parts))]
    for part in parts:
        out += [struct.pack(">Q", len(part)), part]
    writer.write(b"".join(out))
    await writer.drain()


def header_parts(header: dict, buffers: list[bytes] = ()) -> list[bytes]:
    """A frame's raw parts from a header and buffers."""
    return [json.dumps(header, separators=(",", ":")).encode(), *buffers]


def send_parts(channel: Any, parts: list[bytes]) -> None:
    """Forward raw parts on a blocking channel (used by the in-process pair)."""
    channel.send(unpack_header(parts[0]), parts[1:])
