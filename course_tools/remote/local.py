"""Two peers in one process, for the course's own tests of test cells.

The pair behaves as the two kernels do when grading — every value crosses
through the codec as plain data or a handle, a student-side step acts on the
student's namespace — only without processes: a request is answered at once,
nested requests by recursion. So the in-process harness gives each test cell
the same view of the student's code as grading does, at in-process speed.
"""

from __future__ import annotations

import json
from collections import deque
from typing import Any

from .agent import STUDENT, TRUSTED, Peer, refusal, refusal_reply


class LocalEnd:
    """One end of an in-process connection."""

    def __init__(self, public_text: str | None = None) -> None:
        self.inbox: deque[tuple[dict, list[bytes]]] = deque()
        self.other: LocalEnd | None = None
        self.peer: Peer | None = None
        self.public_text = public_text  # the trusted end: what the grading process checks

    def send(self, header: dict, buffers: list[bytes]) -> None:
        header = json.loads(json.dumps(header))  # what a socket would carry
        problem = (refusal(header, self.public_text) if self.public_text is not None
                   and "request" in header else None)
        if problem:
            self.inbox.append((refusal_reply(header["request"], problem), []))
        elif "request" in header:
            self.other.peer.answer(header, list(buffers))  # its reply lands in our inbox
        else:
            self.other.inbox.append((header, list(buffers)))

    def recv(self) -> tuple[dict, list[bytes]]:
        if not self.inbox:
            raise ConnectionError("no reply came back")
        return self.inbox.popleft()


def pair(student_namespace: dict, trusted_namespace: dict,
         public_text: str = "") -> tuple[Peer, Peer]:
    """A student peer over `student_namespace` and a trusted one over `trusted_namespace`;
    `public_text` is the notebook's public test code (see ``agent.refusal``)."""
    student_end, trusted_end = LocalEnd(), LocalEnd(public_text)
    student_end.other, trusted_end.other = trusted_end, student_end
    student = Peer(student_end, STUDENT, student_namespace)
    trusted = Peer(trusted_end, TRUSTED, trusted_namespace)
    student_end.peer, trusted_end.peer = student, trusted
    return student, trusted


def connected(peer: Peer) -> Any:
    """The ``TrustedSide`` of a trusted peer, without installing it in utils.testing."""
    from .trusted import TrustedSide

    return TrustedSide(peer)
