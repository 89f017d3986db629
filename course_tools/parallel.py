"""Grade many submissions at once: sandboxed executions on Dask workers, grades in one place.

Each submission still goes through nbgrader's own autograde pipeline, in a
thread of the coordinating process. :class:`DaskExecution` runs those threads
with one lock, held whenever a thread is inside nbgrader (reading the gradebook,
saving grades) except while its notebook executes: ``SandboxedExecute`` hands
the notebook to :meth:`DaskExecution.run`, which releases the lock, waits for a
Dask worker to run the notebook in its sandbox, and takes the lock back. So
SQLite sees a single writer, grades are recorded exactly as a serial run records
them, and only the slow part runs in parallel.

A worker that dies while it executes a notebook has the notebook retried once
elsewhere (:data:`SCHEDULER_SETTINGS`); if it dies again the submission is
reported as failed and the others go on.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path

from .execution import Execution, LocalExecution
from .integrity import IMPORTABLE_SUFFIXES
from .sandbox import Limits, RunResult, SandboxError, scratch_folder

MAX_FOLDER_BYTES = 200 << 20  # files beside a notebook that travel to a worker
# Retry a notebook once when its worker dies.
SCHEDULER_SETTINGS = {"distributed.scheduler.allowed-failures": 1}
NOTEBOOK_RESOURCE = "notebook"  # workers started with `--resources notebook=1`


def pack_folder(folder: Path) -> dict[str, bytes]:
    """The files a notebook's execution needs, by relative path (no notebooks, no modules)."""
    files, total = {}, 0
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if (not path.is_file() or path.is_symlink() or path.suffix == ".ipynb"
                or path.suffix in IMPORTABLE_SUFFIXES or "__pycache__" in relative.parts):
            continue
        total += path.stat().st_size
        if total > MAX_FOLDER_BYTES:
            raise SandboxError(f"the files beside the notebook exceed {MAX_FOLDER_BYTES >> 20} MB")
        files[str(relative)] = path.read_bytes()
    return files


def execute_on_worker(notebook_json: str, files: dict[str, bytes], limits: Limits,
                      bwrap_choice: str | None) -> RunResult:
    """Run on a Dask worker: unpack the files and execute the notebook in the sandbox.

    `bwrap_choice` says which bubblewrap to use (see ``sandbox.find_bwrap``); None runs
    the notebook without a sandbox.
    """
    try:
        here = LocalExecution(bwrap_choice)
    except SandboxError as exc:
        raise SandboxError(f"on worker {os.uname().nodename}: {exc}") from exc
    with scratch_folder("course-worker-") as tmp:
        for relative, content in files.items():
            target = Path(tmp, relative).resolve()
            if Path(tmp).resolve() not in target.parents:
                raise SandboxError(f"refusing to unpack {relative!r} outside the work folder")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        return here.run(notebook_json, Path(tmp), limits, label="")


class DaskExecution(Execution):
    """Runs notebooks on a Dask cluster, nbgrader's steps around them one at a time."""

    def __init__(self, client, bwrap_choice: str | None):
        """`bwrap_choice` is resolved on each worker (None: no sandbox)."""
        self.client = client
        self.bwrap_choice = bwrap_choice
        self._lock = threading.Lock()  # held by a grading thread while it is inside nbgrader
        workers = client.scheduler_info()["workers"].values()
        # Workers that declare the resource run one notebook at a time, and a notebook
        # waits on the scheduler for a free worker (so a dying worker takes only its own).
        self.resources = ({NOTEBOOK_RESOURCE: 1} if workers and all(
            NOTEBOOK_RESOURCE in w.get("resources", {}) for w in workers) else None)

    def run(self, notebook_json: str, folder: Path, limits: Limits, label: str) -> RunResult:
        """Execute on some worker, the gradebook lock given up meanwhile."""
        files = pack_folder(folder)
        future = self.client.submit(execute_on_worker, notebook_json, files, limits,
                                    self.bwrap_choice, key=f"grade-{uuid.uuid4().hex[:8]}-{label}",
                                    resources=self.resources)
        self._lock.release()
        try:
            return future.result()
        except Exception as exc:
            if type(exc).__name__ == "KilledWorker":
                raise SandboxError(f"the Dask workers running {label} died twice "
                                   f"(KilledWorker); grade it again") from exc
            raise
        finally:
            self._lock.acquire()

    def grade_all(self, grade_one: Callable, students: Iterable[str]) -> Iterator:
        """Yield `grade_one(student)` for every student as they finish, executions in parallel."""
        capacity = max(1, sum(self.client.nthreads().values()))

        def locked(student: str):
            with self._lock:
                return grade_one(student)

        with _tolerant_setenv(), ThreadPoolExecutor(max_workers=capacity + 1) as pool:
            futures = [pool.submit(locked, student) for student in students]
            for future in as_completed(futures):
                yield future.result()


@contextmanager
def dask_client(workers: int, scheduler: str | None):
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` threads."""
    import dask
    from dask.distributed import Client, LocalCluster

    with dask.config.set(SCHEDULER_SETTINGS):
        if scheduler:
            with Client(scheduler) as client:
                yield client
            return
        # Notebooks execute in subprocesses (the runner and its sandboxed kernels), so a local
        # worker is a thread of this process that waits for one: no worker processes to
        # start and stop (about 11 s of a run on two busy cores), one thread each and no
        # memory cap of its own (the sandbox has one). A remote cluster's workers are
        # processes, and a dying one has its notebook retried (SCHEDULER_SETTINGS).
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=False,
                          memory_limit=0, dashboard_address=None,
                          resources={NOTEBOOK_RESOURCE: 1},
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client


@contextmanager
def _tolerant_setenv():
    """Let nbgrader's ``utils.setenv`` run in several threads at once.

    nbgrader sets ``NBGRADER_EXECUTION`` around each execution and then deletes it
    unconditionally; when two autogrades overlap, the second deletion raises
    KeyError. The sandbox sets the variable itself, so here it is set and removed
    without complaint.
    """
    import nbgrader.utils

    @contextmanager
    def setenv(**variables):
        os.environ.update(variables)
        yield
        for name in variables:
            os.environ.pop(name, None)

    original = nbgrader.utils.setenv
    nbgrader.utils.setenv = setenv
    try:
        yield
    finally:
        nbgrader.utils.setenv = original
