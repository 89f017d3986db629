"""Runs a source notebook's test cells against other answers, all inside this process.

Grading through nbgrader costs a kernel start per notebook; checking dozens of
alternative answers that way would be slow. Instead the notebook's given cells
(read-only code) and solution cells are executed into a fresh namespace, with the
variant's code in place of the cell it replaces, and then the autograded test
cells are executed, as grading does (test cells in their own namespace, the answers
reached through proxies; or all in one, as in JupyterLab). A variant's run skips the
cells its answer cannot reach (SourceNotebook.plan); the reference runs whole. A test
cell passes when it raises nothing, as in grading (course_tools/stderr_rule.py).
"""

from __future__ import annotations

import ast
import contextlib
import functools
import io
import linecache
import os
import re
import symtable
import sys
import tempfile
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat

import utils.testing as testing
from course_tools.cells import (
    grade_id,
    is_answer_cell,
    is_course_cell,
    is_test_cell,
    nbgrader_metadata,
    public_source,
    top_level_names,
)
from course_tools.remote.local import connected, pair

# By default test cells run as when grading: in their own namespace, the answers' names
# bound to proxies of the student's (course_tools/remote). With one kernel everything runs
# in one namespace, as in JupyterLab (COURSE_HARNESS_KERNELS=1 makes that the default).
TWO_KERNELS = os.environ.get("COURSE_HARNESS_KERNELS", "2") == "2"


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


class SourceNotebook:
    """A source notebook split into the cells the harness runs."""

    def __init__(self, path: Path):
        self.path = path
        self.nb = nbformat.read(path, as_version=4)
        self.test_cells = [c for c in self.nb.cells if is_test_cell(c)]
        # Answers and given read-only code; plain cells are experiments and plots.
        self.program_cells = [c for c in self.nb.cells if is_answer_cell(c) or is_course_cell(c)]
        self.solution_ids = {grade_id(c) for c in self.nb.cells if is_answer_cell(c)}

    def run(
        self, replacements: dict[str, str] | None = None, must_run: frozenset[str] = frozenset(),
        two_kernels: bool = TWO_KERNELS,
    ) -> NotebookRun:
        """Execute program cells (with replacements by grade id), then the test cells.

        Without replacements every cell runs. With them, only the cells the result can
        depend on run (see `plan`): a skipped test cell passes, as the reference run
        shows (tests/test_variants.py runs the reference whole).
        """
        replacements = replacements or {}
        unknown = set(replacements) - self.solution_ids
        if unknown:
            raise KeyError(f"{self.path.name} has no solution cells {sorted(unknown)}")
        if replacements:
            program, tests = self.plan(replacements, must_run)
        else:
            program, tests = self.program_cells, self.test_cells
        with _kernel_like_warnings():
            return self._run(replacements, program, tests, two_kernels)

    def plan(self, replacements: dict[str, str],
             must_run: frozenset[str] = frozenset()) -> tuple[list, list]:
        """The program cells and test cells whose outcome `replacements` can change, and
        the cells those need, in notebook order.

        A name is *touched* when a replaced cell binds it (in its reference or its
        replacement), or when a top-level statement that mentions a touched name binds it
        or passes it along (a data name it mentions may have been changed in place). A
        test cell runs when it mentions a touched name or is in `must_run`, except that
        cells tagged ``expensive`` (training runs, self-contained) run only when they
        mention a name a replacement binds. Then every cell that binds a name a running
        cell uses (mentions and does not bind itself) runs too, as does every program
        cell that binds nothing (its effect is what it does). A statement "mentions" the
        global names it reads (not a function's locals) and any string or keyword spelled
        as a name, so that the guess errs towards running. A variant that works through a
        side effect elsewhere (a seed, a patched library) is caught on the real path,
        which runs every cell.
        """
        replaced = [c for c in self.program_cells
                    if grade_id(c) in replacements]
        bound_by_replacements = {n for code in replacements.values() for n in top_level_names(code)}
        touched = bound_by_replacements | {n for c in replaced for n in top_level_names(c.source)}
        cells = self.program_cells + self.test_cells
        data = set().union(*(d for c in cells for *_, d in _statements(c.source)))

        def spread(cell) -> bool:
            """Touch what the cell's statements that mention a touched name bind or pass."""
            grew, bound = False, set()
            for words, names, binds, _ in _statements(cell.source):
                if (words - bound) & touched and not (binds | (names & data)) <= touched:
                    touched.update(binds | (names & data))
                    grew = True
                bound |= binds
            return grew

        while any([spread(c) for c in self.program_cells if c not in replaced]):
            pass
        tests = []
        for cell in self.test_cells:
            expensive = "expensive" in cell.get("metadata", {}).get("tags", [])
            reach = bound_by_replacements if expensive else touched
            if grade_id(cell) in must_run or _free_words(cell.source) & reach:
                tests.append(cell)
                while spread(cell):
                    pass
        tests = _with_providers(self.test_cells, tests, set(), keep_unbinding=False)
        program = _with_providers(self.program_cells, replaced,
                                  set().union(*(_words(c.source) for c in tests)),
                                  keep_unbinding=True)
        return program, tests

    def _run(self, replacements: dict[str, str], program_cells: list, test_cells: list,
             two_kernels: bool) -> NotebookRun:
        student: dict = {"__name__": "__main__"}
        trusted = {"__name__": "__main__"} if two_kernels else student
        answer_names: set[str] = set()
        course_names: set[str] = set()
        for cell in program_cells:
            cell_id = grade_id(cell)
            source = replacements.get(cell_id, cell.source)
            _execute(source, student, f"{self.path.name}:{cell_id}")
            if is_answer_cell(cell):
                answer_names.update(top_level_names(source))
            else:
                course_names.update(top_level_names(source))
                if trusted is not student:
                    _execute(source, trusted, f"{self.path.name}:{cell_id}")
        run = NotebookRun()
        public = "\n".join(public_source(c.source) for c in self.test_cells)
        side = connected(pair(student, trusted, public)[1]) if trusted is not student else None
        try:
            for cell in test_cells:
                meta = nbgrader_metadata(cell)
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
            # A namespace and its functions (whose __globals__ it is) form a cycle, which
            # only a full collection frees, rare once PyTorch and TensorFlow are loaded:
            # emptied here, the data it holds (a whole dataset) goes at once, not after
            # dozens of runs have filled the memory.
            student.clear()
            trusted.clear()
        return run


def _bind(side, namespace: dict, names: list[str]) -> None:
    """What the grading process does before a test cell: the answers' names as proxies."""
    for name in names:
        try:
            namespace[name] = side.global_value(name)
        except Exception:  # noqa: BLE001  (the answer cell failed before defining it)
            namespace.pop(name, None)


_WORD = re.compile(r"[A-Za-z_]\w*")


def _words(source: str) -> set[str]:
    return set(_WORD.findall(source))


def _free_words(source: str) -> set[str]:
    """The words of a cell's statements that an earlier statement of it did not bind."""
    free: set[str] = set()
    bound: set[str] = set()
    for words, _, binds, _ in _statements(source):
        free |= words - bound
        bound |= binds
    return free


def _statement_reads(node: ast.stmt, binds: frozenset[str]) -> frozenset[str]:
    """The global names a top-level statement reads before it binds them: an assignment's
    value (and what its targets index), or the whole statement less what it binds
    first (a loop variable, a function's own name)."""
    if isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        indexed = {n.id for t in targets for n in ast.walk(t)
                   if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        value = _global_reads(ast.unparse(node.value)) if node.value is not None else frozenset()
        return value | indexed
    reads = _global_reads(ast.unparse(node))
    return reads if isinstance(node, ast.AugAssign) else reads - binds


def _global_reads(code: str) -> frozenset[str]:
    """The global names `code` reads, at top level or inside its functions and classes
    (a function's parameters and locals are not globals)."""
    found: set[str] = set()

    def visit(table: symtable.SymbolTable, top: bool) -> None:
        for symbol in table.get_symbols():
            if symbol.is_referenced() and (top or symbol.is_global()):
                found.add(symbol.get_name())
        for child in table.get_children():
            visit(child, False)

    visit(symtable.symtable(code, "<cell>", "exec"), True)
    return frozenset(found)


@functools.cache
def _statements(source: str) -> tuple[tuple[frozenset, frozenset, frozenset, frozenset], ...]:
    """Each top-level statement's words (the names it reads or writes, and strings and
    keywords spelled as names), those names, the names it binds, and those of them it
    binds as data (not a function, class or module); code that does not parse is one
    statement whose words are all the words of its text, and that binds nothing."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return ((frozenset(_words(source)), frozenset(), frozenset(), frozenset()),)
    found = []
    for node in tree.body:
        binds = frozenset(top_level_names(ast.unparse(node)))
        names = _statement_reads(node, binds)
        # A name can also be reached by its spelling: globals()["name"], getattr(...,
        # "name"), a keyword such as stand_in(globals(), name=...).
        spelled = {n.value for n in ast.walk(node) if isinstance(n, ast.Constant)
                   and isinstance(n.value, str) and n.value.isidentifier()}
        spelled |= {n.arg for n in ast.walk(node) if isinstance(n, ast.keyword) and n.arg}
        definition = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
                                | ast.Import | ast.ImportFrom)
        found.append((names | spelled, names, binds, frozenset() if definition else binds))
    return tuple(found)


def _with_providers(cells: list, chosen: list, mentioned: set[str], *,
                    keep_unbinding: bool) -> list:
    """`chosen` with every cell of `cells` that binds a name a chosen one (or `mentioned`)
    uses without binding it itself, repeated until nothing is added; in order. With
    `keep_unbinding`, cells that bind no name are kept too."""
    keep = {id(c) for c in chosen}
    wanted = set(mentioned).union(*(_free_words(c.source) for c in chosen))
    changed = True
    while changed:
        changed = False
        for cell in cells:
            binds = set(top_level_names(cell.source))
            if id(cell) not in keep and (binds & wanted or keep_unbinding and not binds):
                keep.add(id(cell))
                wanted |= _free_words(cell.source)
                changed = True
    return [c for c in cells if id(c) in keep]


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
