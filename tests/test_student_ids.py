"""Student ids: folder names nbgrader cannot use are rejected, and no name can forge a report line.

The rule is checked against nbgrader itself: the ids it misreads (a glob that
reaches other folders, spaces it strips, a line break its path pattern cannot
match, a hidden folder its listing skips) are the ones rejected for those
reasons, and every accepted id makes the round trip through nbgrader's
CourseDirectory, glob and path pattern unchanged.
"""

from __future__ import annotations

import csv
import glob
import re
import shutil
import subprocess
import sys

import pytest
from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory

from course_tools.autograde import REJECTED, Outcome, format_outcomes, read_report
from course_tools.cli import main
from course_tools.course import shown, student_id_problem
from course_tools.demo import build_sample_class
from course_tools.grades import GradeRow, format_table
from course_tools.samples import UNTOUCHED
from course_tools.sandbox import find_bwrap

ASSIGNMENT = "hw1_foundations"
# A folder name that, printed as it is, adds a line that looks like another student's grade
# (with a division slash: a folder name cannot hold '/').
FORGED = "x\n  victim            graded         70\u221570 autograded points"
GLOB = "*"
FORGED_LINE = re.compile(r"^\s*victim\s+graded")
# Tight, but with room for the setup cell's imports on a busy 2-core machine.
LIMITS = """
c.SandboxedExecute.cell_timeout = 60
c.SandboxedExecute.notebook_timeout = 300
c.SandboxedExecute.memory_limit = 2 * 2**30
c.SandboxedExecute.process_limit = 64
"""

OTHERS = ("alice", "ab", "bob", "z")  # folders a glob could reach
NBGRADER_MISREADS = ["*", "?", "a?", "[ab]", " alice", "alice ", "al\nice", ".hidden"]
USABLE = ["alice", "jdoe@example.edu", "o'brien", "Anne-Marie_2", "müller", "x" * 128]


def _nbgrader_reads_exactly(student: str, root) -> bool:
    """Whether nbgrader, asked for `student`, lists, finds and parses that folder and no other."""
    from nbgrader.apps import NbGraderAPI

    for name in (*OTHERS, student):
        (root / "submitted" / name / "hw").mkdir(parents=True, exist_ok=True)
    coursedir = CourseDirectory(root=str(root), student_id=student, assignment_id="hw")
    folder = str(root / "submitted" / student / "hw")
    found = glob.glob(coursedir.format_path(coursedir.submitted_directory,
                                            coursedir.student_id, "hw"))
    pattern = coursedir.format_path(coursedir.submitted_directory, "(?P<student_id>.*)",
                                    "(?P<assignment_id>.*)", escape=True)
    parsed = [re.match(pattern, path) for path in found]
    listed = NbGraderAPI(coursedir=coursedir).get_submitted_students("hw")
    return (found == [folder] and all(m and m["student_id"] == student for m in parsed)
            and student in listed)


@pytest.mark.parametrize("student", NBGRADER_MISREADS, ids=repr)
def test_ids_nbgrader_misreads_are_rejected(student, tmp_path):
    assert not _nbgrader_reads_exactly(student, tmp_path)
    assert student_id_problem(student) is not None


@pytest.mark.parametrize("student", USABLE, ids=lambda s: repr(s[:20]))
def test_usable_ids_are_accepted_and_nbgrader_reads_them_unchanged(student, tmp_path):
    assert _nbgrader_reads_exactly(student, tmp_path)
    assert student_id_problem(student) is None
    assert shown(student) == student


@pytest.mark.parametrize(("student", "why"), [
    ("a/b", "path separator"),
    ("a\\b", "path separator"),
    ("..", "starts with '.'"),
    ("a+b", "'+'"),  # nbgrader submit refuses it; its exchange splits file names on it
    ("a,b", "','"),  # CourseDirectory.student_id_exclude is a comma-separated list
    ("x" * 129, "128 characters"),  # nbgrader.api.Student.id is String(128)
    ("a\x1b[2Jb", "\\x1b"),  # a terminal escape: clears the screen when printed
    ("a\u202eb", "\\u202e"),  # right-to-left override: reorders what follows
    ("a\u200bb", "\\u200b"),  # zero-width space: two names that print the same
    ("a\tb", "\\t"),
    ("", "empty"),
])
def test_other_unusable_ids_say_why(student, why):
    problem = student_id_problem(student)
    assert problem is not None and why in problem, problem


def test_printed_report_gives_each_name_and_reason_one_line():
    outcomes = [
        Outcome(FORGED, ASSIGNMENT, REJECTED, reasons=["a reason\n  victim  graded  70/70"]),
        Outcome("victim", ASSIGNMENT, REJECTED, reasons=["plain"], flags=["f\r"], notes=["n"]),
    ]
    lines = format_outcomes(outcomes).splitlines()
    assert len(lines) == sum(1 + len(o.reasons) + len(o.flags) + len(o.notes) for o in outcomes)
    assert _statuses(lines, [FORGED, "victim"]) == {FORGED: "rejected", "victim": "rejected"}
    assert not any(FORGED_LINE.match(line) for line in lines), lines


def test_score_table_gives_each_name_one_row():
    names = (FORGED, "a\rb", "victim")
    rows = [GradeRow(name, ASSIGNMENT, REJECTED, None, None, None, None) for name in names]
    lines = format_table(rows).splitlines()
    assert len(lines) == 2 + len(rows)
    for name in names:
        assert [line for line in lines[2:] if line.startswith(shown(name) + " ")], lines


def _statuses(lines: list[str], names) -> dict[str, str]:
    """The status `course autograde`'s report prints for each of `names`, checking that it
    prints one status line for each and no other."""
    status_lines = [line for line in lines if line[2:3] != " "]  # not a reason, flag or note
    assert len(status_lines) == len(names), lines
    found = {}
    for name in names:
        prefix = f"  {shown(name)} "
        (line,) = [line for line in status_lines if line.startswith(prefix)]
        found[name] = line[len(prefix):].split()[0]
    return found


@pytest.fixture(scope="module")
def graded(repo_course, tmp_path_factory):
    """A course with the untouched release submitted under a usable id, a forging name and '*'."""
    course = build_sample_class(repo_course, tmp_path_factory.mktemp("ids") / "course",
                                [ASSIGNMENT], LIMITS)
    untouched = course.submitted_dir / UNTOUCHED
    for folder in course.submitted_dir.iterdir():
        if folder != untouched:
            shutil.rmtree(folder)
    for name in (FORGED, GLOB):
        shutil.copytree(untouched, course.submitted_dir / name)
    run = subprocess.run(
        [sys.executable, "-m", "course_tools.cli", "--root", str(course.root), "autograde",
         ASSIGNMENT, "--workers", "1"], capture_output=True, text=True, timeout=900)
    return course, run


@pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")
def test_unusable_folders_are_rejected_and_the_rest_graded(graded):
    course, run = graded
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert not any(FORGED_LINE.match(line) for line in lines), run.stdout
    assert _statuses(lines, [UNTOUCHED, FORGED, GLOB]) == {
        UNTOUCHED: "graded", FORGED: "rejected", GLOB: "rejected"}, run.stdout
    assert "rename" in run.stdout and repr(FORGED) in run.stdout
    report = read_report(course, ASSIGNMENT)
    assert {s: o.status for s, o in report.items()} == {
        UNTOUCHED: "graded", FORGED: "rejected", GLOB: "rejected"}
    # nbgrader saw only the usable id: '*' would have made it grade every folder.
    assert [p.name for p in course.autograded_dir.iterdir()] == [UNTOUCHED]
    with Gradebook(course.db_url, course.course_id) as gb:
        assert [s.id for s in gb.students] == [UNTOUCHED]


@pytest.mark.skipif(find_bwrap() is None, reason="needs bubblewrap")
def test_grades_list_rejected_folders_without_scores_and_escaped(graded, capsys):
    course, _ = graded
    target = course.root / "grades.csv"
    assert main(["--root", str(course.root), "grades", "--csv", str(target)]) == 0
    table = capsys.readouterr().out
    assert not any(FORGED_LINE.match(line) for line in table.splitlines()), table
    assert repr(FORGED) in table
    rows = {r["student"]: r for r in csv.DictReader(target.open(newline=""))}
    assert set(rows) == {UNTOUCHED, FORGED, GLOB}
    for name in (FORGED, GLOB):
        assert rows[name]["status"] == "rejected" and rows[name]["auto_score"] == ""
        assert "not a usable student id" in rows[name]["reason"]
