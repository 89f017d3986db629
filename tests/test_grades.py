"""`course grades` and the outcome statuses: a partly graded submission keeps its score, and a
submission whose grading failed for a reason that is not the student's gets none, never a zero.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

import pytest
from hostile.corpus import CASES, corpus_context
from nbgrader.api import Gradebook

from course_tools.autograde import (
    FAILED,
    PARTLY,
    Outcome,
    Status,
    grade_one,
    read_report,
    report_path,
    write_report,
)
from course_tools.cli import main
from course_tools.course import Course, CourseError
from course_tools.demo import build_sample_class
from course_tools.grades import PARTLY_MARK
from course_tools.sandbox import find_bwrap

ASSIGNMENT = "hw1_foundations"
PARTLY_CASE = "exit"  # the kernel exits in the middle: the test cells before it are scored
BREAKS = "grading-breaks"
LIMITS = """
c.SandboxedExecute.cell_timeout = 60
c.SandboxedExecute.notebook_timeout = 300
c.SandboxedExecute.memory_limit = 2 * 2**30
c.SandboxedExecute.process_limit = 64
"""
# nbgrader's pipeline breaking for one student after SaveAutoGrades put a zero in the gradebook.
FAILING_STEP = f'''
from nbgrader.preprocessors import NbGraderPreprocessor


class FailsAfterSaving(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        if resources["nbgrader"]["student"] == {BREAKS!r}:
            raise RuntimeError("the grading machine lost its disk (a test)")
        return nb, resources


c.Autograde.autograde_preprocessors = [*c.Autograde.autograde_preprocessors, FailsAfterSaving]
'''

needs_bwrap = pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")


@pytest.fixture(scope="module")
def course(repo_course, tmp_path_factory):
    """hw1 released; one submission that a limit stops and one whose grading breaks."""
    course = build_sample_class(repo_course, tmp_path_factory.mktemp("grades") / "course",
                                [ASSIGNMENT], LIMITS + FAILING_STEP)
    for folder in course.submitted_dir.iterdir():
        shutil.rmtree(folder)
    ctx = corpus_context(repo_course, course, "http://127.0.0.1:9")
    next(c for c in CASES if c.name == PARTLY_CASE).build(
        ctx, course.submitted_dir / PARTLY_CASE / ASSIGNMENT)
    (course.submitted_dir / BREAKS / ASSIGNMENT).mkdir(parents=True)
    (course.submitted_dir / BREAKS / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").write_text(
        ctx.release_text)
    return course


@pytest.fixture(scope="module")
def graded(course):
    """`course autograde` run on the class, as an instructor runs it."""
    return subprocess.run(
        [sys.executable, "-m", "course_tools.cli", "--root", str(course.root), "autograde",
         ASSIGNMENT, "--workers", "2"], capture_output=True, text=True, timeout=1200)


def _code_points(course, student: str) -> tuple[float, float]:
    """nbgrader's own sum of a submission's autograded points."""
    with Gradebook(course.db_url, course.course_id) as gb:
        submission = gb.find_submission(ASSIGNMENT, student)
        return submission.code_score, submission.max_code_score


@needs_bwrap
def test_a_failure_of_the_pipeline_is_reported_as_failed_and_exits_non_zero(course, graded):
    assert graded.returncode == 1, graded.stdout + graded.stderr
    report = read_report(course, ASSIGNMENT)
    assert {s: o.status for s, o in report.items()} == {PARTLY_CASE: PARTLY, BREAKS: FAILED}
    assert report[BREAKS].auto_score is None
    assert any("RuntimeError: the grading machine lost its disk" in r
               for r in report[BREAKS].reasons), report[BREAKS].reasons
    assert f"  {BREAKS}  failed" in graded.stdout
    # nbgrader saved a zero before it broke: the CSV below must not show it.
    assert _code_points(course, BREAKS)[0] == 0


@needs_bwrap
def test_grades_keep_a_partly_graded_score_and_give_a_failed_one_none(course, graded, capsys):
    target = course.root / "grades.csv"
    assert main(["--root", str(course.root), "grades", "--csv", str(target)]) == 0
    table = capsys.readouterr().out
    rows = {r["student"]: r for r in csv.DictReader(target.open(newline=""))}
    partly = rows[PARTLY_CASE]
    score, max_score = _code_points(course, PARTLY_CASE)
    assert 0 < score < max_score, "the case should score some test cells and not others"
    assert partly["status"] == "partly graded"
    assert (float(partly["auto_score"]), float(partly["auto_max"])) == (score, max_score)
    assert "kernel died" in partly["reason"]
    assert f"{score:g}/{max_score:g}{PARTLY_MARK}" in table and "partly graded" in table
    failed = rows[BREAKS]
    assert failed["status"] == "failed"
    assert failed["auto_score"] == failed["total_score"] == ""
    assert "RuntimeError" in failed["reason"]
    (line,) = [line for line in table.splitlines() if line.startswith(BREAKS)]
    assert line.split()[1:] == ["failed"], table


class _BrokenAPI:
    """An nbgrader API whose autograde raises, as a broken gradebook or pipeline can."""

    def autograde(self, *args, **kwargs):
        raise OSError("database disk image is malformed")


def test_an_exception_while_grading_is_a_failure_without_points(course):
    outcome = grade_one(course, _BrokenAPI(), ASSIGNMENT, BREAKS)
    assert outcome.status == FAILED and outcome.auto_score is None
    assert outcome.reasons == ["grading stopped with OSError: database disk image is malformed"]


def test_reports_written_before_the_status_enum_read_back(course, tmp_path):
    """The words that reports held before Status existed read back as the same statuses."""
    before = {name: {"student": name, "assignment": ASSIGNMENT, "status": word,
                     "auto_score": None, "auto_max": None, "reasons": [], "flags": [],
                     "notes": [], "fingerprint": "", "graded_at": ""}
              for name, word in [("a", "graded"), ("b", "partly graded"), ("c", "rejected"),
                                 ("d", "failed")]}
    copy = Course(tmp_path)
    report_path(copy, ASSIGNMENT).parent.mkdir()
    report_path(copy, ASSIGNMENT).write_text(json.dumps(before))
    report = read_report(copy, ASSIGNMENT)
    assert {s: o.status for s, o in report.items()} == {
        "a": Status.GRADED, "b": Status.PARTLY, "c": Status.REJECTED, "d": Status.FAILED}
    write_report(copy, ASSIGNMENT, [])
    assert json.loads(report_path(copy, ASSIGNMENT).read_text()) == before


def test_an_unreadable_report_is_a_clear_error(tmp_path):
    course = Course(tmp_path)
    path = report_path(course, ASSIGNMENT)
    path.parent.mkdir()
    for text in ('{"a": {"status": "graded"', '{"a": {"student": "a", "status": "lost"}}'):
        path.write_text(text)
        with pytest.raises(CourseError, match="move it aside"):
            read_report(course, ASSIGNMENT)
    write_report(course, "other", [Outcome("a", "other", FAILED)])  # other reports unaffected
    assert read_report(course, "other")["a"].status == FAILED
