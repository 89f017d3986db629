"""Only an error costs a test cell its points; what it writes to stderr is shown as text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
from cell_factories import grade_cell
from nbformat.v4 import new_code_cell, new_notebook, new_output
from nbgrader.utils import determine_grade

from course_tools.stderr_rule import STDERR_NOTE, show_test_stderr_as_text, stderr_as_text


def _test_cell(source: str, points: int = 2):
    return grade_cell(source, f"test_{points}", points=points)


def test_stderr_becomes_marked_text_in_order():
    outputs = [new_output("stream", name="stdout", text="epoch 1\n"),
               new_output("stream", name="stderr", text="100%|####|\n"),
               new_output("stream", name="stderr", text="UserWarning: careful\n")]
    shown = stderr_as_text(outputs)
    assert [o.name for o in shown] == ["stdout"] * 4
    assert "".join(o.text for o in shown) == (
        "epoch 1\n" + STDERR_NOTE + "100%|####|\nUserWarning: careful\n")


def test_a_test_cell_with_stderr_keeps_its_points_but_an_error_still_costs_them():
    nb = new_notebook(cells=[_test_cell("print('x', file=sys.stderr)")])
    nb.cells[0].outputs = [new_output("stream", name="stderr", text="x\n")]
    assert determine_grade(nb.cells[0]) == (0, 2)  # nbgrader's own rule
    show_test_stderr_as_text(nb)
    assert determine_grade(nb.cells[0]) == (2, 2)
    nb.cells[0].outputs.append(new_output("error", ename="AssertionError", evalue="no",
                                          traceback=[]))
    assert determine_grade(nb.cells[0]) == (0, 2)


def test_nbgrader_validate_applies_the_same_rule(repo_course, tmp_path):
    """`nbgrader validate` from the course root: a test cell that warns passes, one that fails
    does not (the Validate button runs the same validator with the same configuration)."""
    cells = [new_code_cell("import sys, warnings"),
             _test_cell("warnings.warn('a library warning')\nprint('bar', file=sys.stderr)", 3),
             _test_cell("assert 1 == 2, 'wrong on purpose'", 1)]
    path = tmp_path / "check.ipynb"
    nbformat.write(new_notebook(cells=cells), path)
    done = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "validate", str(path)],
                          cwd=repo_course.root, capture_output=True, text=True, timeout=300)
    report = done.stdout + done.stderr
    assert "VALIDATION FAILED ON 1 CELL(S)" in report, report
    assert "wrong on purpose" in report and "a library warning" not in report, report
