"""`course check`: one notebook graded as autograde grades it, with no gradebook touched."""

from __future__ import annotations

import hashlib
import re
import shutil

import nbformat
import pytest
from nbgrader.api import Gradebook

from course_tools.cells import hidden_parts, is_test_cell
from course_tools.check import check_notebook, feedback_folder, format_check
from course_tools.cli import main
from course_tools.samples import MISTAKES, REFERENCE, TERM_ASSIGNMENT, UNTOUCHED

NOTEBOOK = f"{TERM_ASSIGNMENT}.ipynb"


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _autograded(course, student) -> dict[str, float]:
    with Gradebook(course.db_url, course.course_id) as gb:
        submission = gb.find_submission(TERM_ASSIGNMENT, student)
        return {g.name: g.score for nb in submission.notebooks for g in nb.grades
                if g.cell_type == "code"}


@pytest.mark.parametrize("student", [REFERENCE, UNTOUCHED])
def test_check_gives_the_points_autograde_gave(term_course, tmp_path, student, capsys):
    notebook = tmp_path / "work" / NOTEBOOK
    notebook.parent.mkdir()
    shutil.copy(term_course.submitted_dir / student / TERM_ASSIGNMENT / NOTEBOOK, notebook)
    before = _digest(term_course.db_path)
    result = check_notebook(term_course, notebook)
    assert _digest(term_course.db_path) == before  # the course's gradebook is untouched
    assert result.assignment == TERM_ASSIGNMENT and result.outcome.status == "graded"
    assert {r.grade_id: r.score for r in result.results} == _autograded(term_course, student)
    assert all(bool(r.message) != r.passed for r in result.results)
    assert result.feedback == tmp_path / "work" / f"{TERM_ASSIGNMENT}-feedback" / (
        f"{TERM_ASSIGNMENT}.html")
    page = result.feedback.read_text()
    assert "hidden tests ran here" in page
    assert (result.feedback.parent / "mathjax" / "MathJax.js").is_file()
    printed = format_check(result)
    assert f"{result.outcome.auto_score:g}/{result.outcome.auto_max:g}" in printed
    assert all(r.grade_id in printed for r in result.results)
    assert not list((term_course.submitted_dir).glob("self-check*"))


def test_check_on_the_command_line_and_the_hidden_tests_stay_hidden(term_course, tmp_path,
                                                                    capsys):
    """The mistaken student's notebook, renamed: found by its cells, then graded."""
    notebook = tmp_path / "renamed.ipynb"
    shutil.copy(term_course.submitted_dir / MISTAKES / TERM_ASSIGNMENT / NOTEBOOK, notebook)
    assert main(["--root", str(term_course.root), "check", str(notebook)]) == 2
    err = capsys.readouterr().err
    assert "renamed.ipynb is not a notebook of any assignment" in err
    assert f"its cells are those of {TERM_ASSIGNMENT}/{NOTEBOOK}" in err
    assert f"--assignment {TERM_ASSIGNMENT}" in err and "Traceback" not in err

    before = _digest(term_course.db_path)
    assert main(["--root", str(term_course.root), "check", str(notebook),
                 "--assignment", TERM_ASSIGNMENT]) == 0
    assert _digest(term_course.db_path) == before
    out = capsys.readouterr().out
    printed = {}
    for line in out.splitlines():
        found = re.match(r"^  (ok  |FAIL) (\S+) +([\d.]+)/([\d.]+)", line)
        if found:
            printed[found[2]] = float(found[3])
            assert (found[1] == "ok  ") == (found[3] == found[4])
    assert printed == _autograded(term_course, MISTAKES)
    assert 0 < sum(printed.values()) and "FAIL" in out
    hidden = [line.strip() for c in nbformat.read(
        term_course.source_dir / TERM_ASSIGNMENT / NOTEBOOK, as_version=4).cells
        if is_test_cell(c) for part in hidden_parts(c.source) for line in part.splitlines()
        if len(line.strip()) >= 20]
    assert hidden and not [line for line in hidden if line in out]
    assert (tmp_path / "renamed-feedback" / f"{TERM_ASSIGNMENT}.html").is_file()


def test_feedback_for_a_notebook_in_release_goes_to_reports(repo_course):
    notebook = repo_course.release_dir / TERM_ASSIGNMENT / NOTEBOOK
    assert feedback_folder(repo_course, notebook, TERM_ASSIGNMENT) == (
        repo_course.reports_dir / "check" / TERM_ASSIGNMENT / f"{TERM_ASSIGNMENT}-feedback")
