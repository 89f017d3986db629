"""What the grading process runs in the student's kernel before any notebook code.

:func:`start` copies the submission's files into the kernel's own writable folder,
connects to the grading process and loads the guard; :func:`serve` answers the
trusted kernel's requests while a test cell runs. Everything here runs in the
student's process and can be changed by the student's code: it only carries
the student's answers, it never judges them.
"""

from __future__ import annotations

import os
import shutil

from .agent import STUDENT, Peer, connect, current_namespace

_peer: Peer | None = None


def start(socket_path: str, files: str | None = None) -> None:
    """Copy `files` (read-only) into the working folder, connect, load the guard."""
    global _peer
    if files and os.path.isdir(files):
        shutil.copytree(files, os.getcwd(), dirs_exist_ok=True, symlinks=True)
    _peer = connect(socket_path, STUDENT, current_namespace())
    import numpy  # noqa: F401  (the guard records these before any notebook code runs)

    import course_tools.guard  # noqa: F401
    import utils.testing  # noqa: F401


def serve() -> None:
    """Answer the trusted kernel's requests until the test cell is over."""
    assert _peer is not None, "the student's kernel was not started for grading"
    _peer.serve()
