"""Runs a source notebook's test cells against other answers, all inside this process.

Grading through nbgrader costs a kernel start per notebook; checking dozens of
alternative answers that way would be slow. Instead the notebook's given cells
(read-only code) and solution cells are executed into a fresh namespace, with the
variant's code in place of the cell it replaces, and then every autograded test
cell is executed into that namespace, as nbgrader would in one kernel. A test cell
passes when it raises nothing, as in grading (course_tools/stderr_rule.py).
"""

from __future__ import annotations

import ast
import contextlib
import io
import linecache
import os
import re
import sys
import tempfile
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat

import utils.testing as testing
from course_tools.cells import public_source, top_level_names
from course_tools.remote.local import connected, pair

# By default test cells run as when grading: in their own namespace, the answers' names
# bound to proxies of the student's (course_tools/remote). With one kernel everything runs
# in one namespace, as in JupyterLab (COURSE_HARNESS_KERNELS=1 makes that the default).
TWO_KERNELS = os.environ.get("COURSE_HARNESS_KERNELS", "2") == "2"


def nbgrader_metadata(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


@dataclass
class TestResult:
    grade_id: str
    points: float
    error: str | None

    @property
    def passed(self) -> bool:
        return self.error is None


@dataclass
class NotebookRun:
    results: list[TestResult] = field(default_factory=list)

    @property
    def failed(self) -> set[str]:
        return {r.grade_id for r in self.results if not r.passed}

    def explain(self) -> str:
        return "\n".join(
            f"  {r.grade_id}: {'ok' if r.passed else r.error.strip().splitlines()[-1]}"
            for r in self.results
        )


def _is_program(meta: dict) -> bool:
    """Solution cells and given read-only code; plain cells are experiments and plots."""
    return bool(meta.get("solution") or (meta.get("locked") and not meta.get("grade")))


class SourceNotebook:
    """A source notebook split into the cells the harness runs."""

    def __init__(self, path: Path):
        self.path = path
        self.nb = nbformat.read(path, as_version=4)
        code = [c for c in self.nb.cells if c.cell_type == "code"]
        self.test_cells = [c for c in code if nbgrader_metadata(c).get("grade")]
        self.program_cells = [c for c in code if _is_program(nbgrader_metadata(c))]
        self.solution_ids = {
            nbgrader_metadata(c)["grade_id"] for c in code if nbgrader_metadata(c).get("solution")
        }

    def run(
        self, replacements: dict[str, str] | None = None, must_run: frozenset[str] = frozenset(),
        two_kernels: bool = TWO_KERNELS,
    ) -> NotebookRun:
        """Execute program cells (with replacements by grade id), then the test cells.

        Test cells tagged ``expensive`` (training runs) are self-contained and are
        skipped unless they mention a name the replacements define or are listed in
        `must_run`; every other test cell always runs.
        """
        replacements = replacements or {}
        unknown = set(replacements) - self.solution_ids
        if unknown:
            raise KeyError(f"{self.path.name} has no solution cells {sorted(unknown)}")
        with _kernel_like_warnings():
            return self._run(replacements, must_run, two_kernels)

    def _run(self, replacements: dict[str, str], must_run: frozenset[str],
             two_kernels: bool) -> NotebookRun:
        student: dict = {"__name__": "__main__"}
        trusted = {"__name__": "__main__"} if two_kernels else student
        answer_names: set[str] = set()
        course_names: set[str] = set()
        for cell in self.program_cells:
            cell_id = nbgrader_metadata(cell).get("grade_id")
            source = replacements.get(cell_id, cell.source)
            _execute(source, student, f"{self.path.name}:{cell_id}")
            if nbgrader_metadata(cell).get("solution"):
                answer_names.update(top_level_names(source))
            else:
                course_names.update(top_level_names(source))
                if trusted is not student:
                    _execute(source, trusted, f"{self.path.name}:{cell_id}")
        defined = {name for code in replacements.values() for name in _top_level_names(code)}
        run = NotebookRun()
        public = "\n".join(public_source(c.source) for c in self.test_cells)
        side = connected(pair(student, trusted, public)[1]) if trusted is not student else None
        try:
            for cell in self.test_cells:
                meta = nbgrader_metadata(cell)
                if "expensive" in cell.get("metadata", {}).get("tags", []) and replacements:
                    mentioned = any(re.search(rf"\b{re.escape(n)}\b", cell.source)
                                    for n in defined)
                    if not mentioned and meta["grade_id"] not in must_run:
                        continue
                if side is not None:
                    _bind(side, trusted, sorted(answer_names - course_names))
                    testing.use_student_kernel(side)
                testing.use_notebook_globals(trusted)
                try:
                    error = _execute(cell.source, trusted, f"{self.path.name}:{meta['grade_id']}")
                finally:
                    testing.use_student_kernel(None)
                    testing.use_notebook_globals(None)
                course_names.update(top_level_names(cell.source))
                run.results.append(TestResult(meta["grade_id"], meta.get("points", 0), error))
        finally:
            plt.close("all")
        return run


def _bind(side, namespace: dict, names: list[str]) -> None:
    """What the grading process does before a test cell: the answers' names as proxies."""
    for name in names:
        try:
            namespace[name] = side.global_value(name)
        except Exception:  # noqa: BLE001  (the answer cell failed before defining it)
            namespace.pop(name, None)


def _top_level_names(code: str) -> set[str]:
    """Names a cell defines at top level (functions, classes, assignments)."""
    names = set()
    for node in ast.parse(code).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


@contextlib.contextmanager
def _kernel_like_warnings():
    """Show warnings on stderr with Python's default filters, as a fresh kernel does.

    pytest records warnings instead of turning them into errors the way it is
    configured to; a kernel prints them. Set once per notebook run, so that a
    notebook's own warning settings (and `no_warnings`) act as in a kernel.
    """
    with warnings.catch_warnings():
        warnings.resetwarnings()
        warnings.simplefilter("default")
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning,
                         ResourceWarning):
            warnings.filterwarnings("ignore", category=category)
        warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")

        def show(message, category, filename, lineno, file=None, line=None):
            sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))

        warnings.showwarning = show
        yield


def _execute(source: str, namespace: dict, label: str) -> str | None:
    """Exec `source` into `namespace`; return why the cell fails, or None when it passes.

    As in grading, only an error fails a test cell: what it writes to stdout or
    stderr (a progress bar, a warning, a library's log line) is discarded here,
    at the file-descriptor level for stderr, where C extensions write too.
    Program cells may fail (an unanswered stub, a broken variant); as in a
    kernel, execution goes on with the next cell.
    """
    with tempfile.TemporaryFile(mode="w+") as err_file:
        saved_fd = os.dup(2)
        sys.stderr.flush()
        os.dup2(err_file.fileno(), 2)
        error = None
        try:
            # As IPython does, so that inspect.getsource finds a cell's functions.
            linecache.cache[label] = (len(source), None, source.splitlines(True), label)
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err_file):
                exec(compile(source, label, "exec"), namespace)  # noqa: S102
        except BaseException as exc:  # noqa: BLE001  (a cell may raise anything, SystemExit too)
            if isinstance(exc, KeyboardInterrupt):
                raise
            error = "".join(traceback.format_exception(exc))
        finally:
            err_file.flush()
            os.dup2(saved_fd, 2)
            os.close(saved_fd)
    return error
