"""Where graded notebooks execute: here, one after the other, or on a Dask cluster.

:class:`~course_tools.sandboxed_execute.SandboxedExecute`, the step of nbgrader's
autograde that runs a notebook, hands it to an :class:`Execution`. `course
autograde` opens one execution per run (:func:`open_execution`: local for one
worker or one submission, Dask otherwise) and passes it to nbgrader through the
configuration; plain `nbgrader autograde` configures none, and the step makes a
:class:`LocalExecution` from its own settings. Either way the sandbox is checked
once, where the local execution is made (a Dask worker finds its own bubblewrap).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .sandbox import Limits, RunResult, require_bwrap, run_notebook


class Execution(ABC):
    """Runs notebooks in the sandbox, and grades a class with them."""

    @abstractmethod
    def run(self, notebook_json: str, folder: Path, limits: Limits, label: str) -> RunResult:
        """Execute one notebook whose files are in `folder`; `label` names it in logs."""

    @abstractmethod
    def grade_all(self, grade_one: Callable, students: Iterable[str]) -> Iterator:
        """`grade_one(student)` for every student, yielded as each finishes."""

    def __deepcopy__(self, memo: dict) -> Execution:
        # traitlets copies configuration values into each configurable; an execution is
        # one shared service (a cluster, a lock), so the copy is the execution itself.
        return self


class LocalExecution(Execution):
    """Notebooks execute in this process's sandbox, one at a time: no cluster to start."""

    def __init__(self, bwrap_choice: str | None):
        """`bwrap_choice` as ``sandbox.find_bwrap`` takes it; None runs without a sandbox.

        Raises SandboxError when that bubblewrap cannot run a sandbox here.
        """
        self.bwrap_choice = bwrap_choice
        self.bwrap = require_bwrap(bwrap_choice) if bwrap_choice is not None else None

    def run(self, notebook_json: str, folder: Path, limits: Limits, label: str) -> RunResult:
        return run_notebook(notebook_json, folder, limits, self.bwrap)

    def grade_all(self, grade_one: Callable, students: Iterable[str]) -> Iterator:
        return map(grade_one, students)


@contextmanager
def open_execution(local: LocalExecution, workers: int, submissions: int,
                   scheduler: str | None = None) -> Iterator[Execution]:
    """The execution for grading `submissions` submissions, made from a checked local one.

    `local` itself when there is no `scheduler` and one worker or at most one
    submission (starting a cluster takes seconds); otherwise a Dask cluster with
    the same sandbox: the one at `scheduler`, or a local one of `workers`
    threads (each waits for its notebook's subprocesses), closed on exit.
    """
    if scheduler is None and (workers == 1 or submissions <= 1):
        yield local
        return
    from .parallel import DaskExecution, dask_client

    with dask_client(workers, scheduler) as client:
        yield DaskExecution(client, local.bwrap_choice)
