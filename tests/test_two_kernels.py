"""Grading in two kernels, end to end on small notebooks: what the student's kernel can and
cannot reach, and failures of grading that must never become a student's zero."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from cell_factories import answer_cell, course_cell, grade_cell
from nbformat.v4 import new_code_cell, new_notebook

from course_tools.autograde import read_report
from course_tools.course import Course
from course_tools.demo import build_demo_course
from course_tools.release import release
from course_tools.samples import reference_submission
from course_tools.sandbox import Limits, RunResult, find_bwrap, run_notebook

pytestmark = pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")

ASSIGNMENT = "hw1_foundations"
TEST, ANSWER, COURSE = grade_cell, answer_cell, course_cell


def _cell(code: str, grade_id: str, kind):
    return kind(code, grade_id)


def _run(cells, tmp_path: Path, **limits) -> RunResult:
    nb = nbformat.writes(new_notebook(cells=cells))
    return run_notebook(nb, tmp_path, Limits(**{"cell_seconds": 30, **limits}), find_bwrap())


def _text(result: RunResult, index: int) -> str:
    return "".join(str(o.get("text", "")) for o in result.cells[index]["outputs"])


SPY = '''
import base64, linecache, sys
_seen = []
sys.addaudithook(lambda event, args: _seen.append(repr(args)[:2000]) if event in (
    "compile", "exec") else None)
get_ipython().events.register("pre_run_cell", lambda info: _seen.append(info.raw_cell))
def answer():
    return 42
'''
REPORT = '''
_seen += [str(c) for c in In] + ["".join(e[2]) for e in linecache.cache.values() if len(e) > 2]
print(base64.b64encode("\\n".join(_seen).encode()).decode())
'''


def test_no_part_of_a_test_cell_reaches_the_students_kernel(tmp_path):
    """The student's kernel records every source it compiles, runs or caches; a test
    cell's public and hidden parts are never among them, and the test still passes."""
    test = ("PUBLIC_MARKER = 1\nassert answer() == 42\n### BEGIN HIDDEN TESTS\n"
            "HIDDEN_MARKER = answer() + 1\nassert HIDDEN_MARKER == 43\n### END HIDDEN TESTS\n")
    cells = [_cell("import numpy as np", "setup", COURSE), _cell(SPY, "answer", ANSWER),
             _cell(test, "test_answer", TEST), new_code_cell(REPORT)]
    result = _run(cells, tmp_path)
    assert result.failure is None and result.stopped is None, result.stderr_tail
    assert result.cells[2]["status"] == "ok"
    seen = base64.b64decode(_text(result, 3)).decode()
    assert "def answer" in seen  # the spy did see the student's own code
    assert "PUBLIC_MARKER" not in seen and "HIDDEN_MARKER" not in seen


def test_a_kernel_that_breaks_its_channel_fails_its_later_tests_at_once(tmp_path):
    """Garbage on the student's own socket: every later test fails without waiting for a
    time limit, and the runner (not the guard) says why."""
    garbage = ("import course_tools.remote.student_kernel as side\n"
               "side._peer.transport.sock.sendall(b'{\"event\": \"done\"}\\n')")
    cells = [_cell("import numpy as np", "setup", COURSE),
             _cell("def answer():\n    return 42", "answer", ANSWER),
             _cell("assert answer() == 42", "before", TEST), new_code_cell(garbage),
             *[_cell("assert answer() == 42", f"after_{i}", TEST) for i in range(3)]]
    started = time.monotonic()
    result = _run(cells, tmp_path, cell_seconds=60)
    assert time.monotonic() - started < 60, "a test waited for the broken channel"
    assert result.failure is None and result.stopped is None, result.stderr_tail
    assert [result.cells[i]["status"] for i in (2, 4, 5, 6)] == ["ok", "error", "error", "error"]
    assert any("malformed message" in flag for flag in result.flags), result.flags


def test_a_course_cell_too_slow_before_any_student_code_fails_grading(tmp_path):
    """The course's cells before any of the student's code get longer than the cell limit
    (a busy machine); one that runs past even that in the student's kernel alone is the
    machine's doing: grading fails, nothing is scored."""
    slow_for_the_student = ("import os, time\n"
                            "time.sleep(30 if os.path.isdir('/course-files') else 0)")
    cells = [_cell("import time\ntime.sleep(3)", "setup", COURSE),
             _cell(slow_for_the_student, "given", COURSE),
             _cell("def answer():\n    return 42", "answer", ANSWER),
             _cell("assert answer() == 42", "test_answer", TEST)]
    result = _run(cells, tmp_path, cell_seconds=2, setup_seconds=6)
    assert result.failure is not None and "course cell 2 did not finish" in result.failure, (
        result.failure, result.cells)


def test_a_course_cell_that_fails_in_the_grading_kernel_fails_grading(tmp_path):
    cells = [_cell("import module_that_is_not_installed", "setup", COURSE),
             _cell("def answer():\n    return 42", "answer", ANSWER),
             _cell("assert answer() == 42", "test_answer", TEST)]
    result = _run(cells, tmp_path)
    assert result.failure is not None and "could not run course cell 1" in result.failure


@pytest.fixture(scope="module")
def other_checkout(repo_course, tmp_path_factory):
    """hw1 released in a copy of the course, one reference submission in it, and a copy of
    the course's packages elsewhere: an environment whose packages come from another
    checkout than the one grading (the venv's editable install points at this one)."""
    root = tmp_path_factory.mktemp("other-checkout")
    course = build_demo_course(repo_course, root / "course")
    release(course, [ASSIGNMENT])
    release_nb = nbformat.read(course.release_dir / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
                               as_version=4)
    source_nb = nbformat.read(course.source_dir / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
                              as_version=4)
    folder = course.submitted_dir / "reference" / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(reference_submission(release_nb, source_nb), folder / f"{ASSIGNMENT}.ipynb")
    packages = root / "packages"
    for name in ("utils", "course_tools"):
        shutil.copytree(repo_course.root / name, packages / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(packages)}
    return course, env


def _nothing_scored(course: Course, student: str) -> bool:
    """No cell of the submission has an autograded score in the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(course.db_url, course.course_id) as gb:
        try:
            submission = gb.find_submission(ASSIGNMENT, student)
        except MissingEntry:
            return True
        return all(g.auto_score is None for nb in submission.notebooks for g in nb.grades)


def test_plain_nbgrader_autograde_fails_loudly_when_the_sandbox_cannot_import_the_course(
        other_checkout):
    course, env = other_checkout
    nbgrader = Path(sys.executable).parent / "nbgrader"
    run = subprocess.run([str(nbgrader), "autograde", ASSIGNMENT, "--student", "reference"],
                         cwd=course.root, env=env, capture_output=True, text=True, timeout=600)
    log = run.stdout + run.stderr
    assert run.returncode != 0, log[-3000:]
    assert "ERROR] grading failed, no score is recorded" in log, log[-3000:]
    assert "ModuleNotFoundError" in log and "another checkout" in log, log[-3000:]
    assert _nothing_scored(course, "reference")


def test_course_autograde_reports_it_as_failed(other_checkout):
    course, env = other_checkout
    run = subprocess.run([sys.executable, "-m", "course_tools.cli", "--root", str(course.root),
                          "autograde", ASSIGNMENT, "--workers", "1"], env=env,
                         cwd=course.root, capture_output=True, text=True, timeout=600)
    assert run.returncode != 0, run.stdout[-3000:]
    outcome = read_report(course, ASSIGNMENT)["reference"]
    assert outcome.status == "failed", outcome
    assert any("could not start for grading" in r and "ModuleNotFoundError" in r
               for r in outcome.reasons), outcome.reasons
    assert _nothing_scored(course, "reference")
