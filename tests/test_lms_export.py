"""Grades back to the LMS: a Canvas download collected, autograded and exported, the
exported Canvas and Moodle files parsed back."""

from __future__ import annotations

import csv
import shutil
import struct
import zipfile
from datetime import UTC, datetime

import pytest
from nbgrader.api import Gradebook

from course_tools.autograde import autograde
from course_tools.cli import main
from course_tools.course import Course
from course_tools.grades import collect_grades
from course_tools.lms import assignment_maxima
from course_tools.samples import (
    COPIED,
    LATE,
    MALFORMED,
    MISTAKES,
    REFERENCE,
    TERM_ASSIGNMENT,
    UNTOUCHED,
)

NOTEBOOK = f"{TERM_ASSIGNMENT}.ipynb"
NEW = "s-canvas"  # a student who comes in through the Canvas download
CANVAS_IDS = {REFERENCE: "9001", MISTAKES: "9002", LATE: "9003", MALFORMED: "9004",
              UNTOUCHED: "9005", COPIED: "9006", NEW: "4242"}
HAND_GRADED = {REFERENCE: 30.0, LATE: 25.5}  # given as in the formgrader
CANVAS_ASSIGNMENT_ID = "12345"


@pytest.fixture(scope="module")
def term(term_course, tmp_path_factory):
    """A copy of the demo with a student collected from a Canvas download and autograded,
    hand-graded points for two students, and both exports written."""
    root = tmp_path_factory.mktemp("lms") / "course"
    shutil.copytree(term_course.root, root)
    course = Course(root)
    roster = root.parent / "students.csv"
    with roster.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["lms_id", "student", "name", "sis_user_id", "section", "email"])
        for student, number in CANVAS_IDS.items():
            writer.writerow([number, student, f"Student, {student}", f"SIS-{number}", "A",
                             f"{student}@example.org"])
    archive = root.parent / "canvas.zip"
    on_time = datetime(2026, 10, 22, 12, 0)
    with zipfile.ZipFile(archive, "w") as out:
        info = zipfile.ZipInfo(f"canvasstudent_4242_777_{NOTEBOOK}",
                               date_time=on_time.timetuple()[:6])
        info.extra = struct.pack("<HHBi", 0x5455, 5, 1, int(on_time.replace(tzinfo=UTC)
                                                            .timestamp()))
        out.writestr(info, (course.submitted_dir / REFERENCE / TERM_ASSIGNMENT / NOTEBOOK)
                     .read_bytes())
    assert main(["--root", str(root), "collect", TERM_ASSIGNMENT, str(archive),
                 "--students", str(roster)]) == 0
    (outcome,) = autograde(course, TERM_ASSIGNMENT, [NEW], workers=1)
    assert outcome.status == "graded"
    with Gradebook(course.db_url, course.course_id) as gb:
        for student, points in HAND_GRADED.items():
            grades = [g for nb in gb.find_submission(TERM_ASSIGNMENT, student).notebooks
                      for g in nb.grades if g.cell_type == "markdown"]
            for grade in grades:  # share the points out, each within its cell's maximum
                grade.manual_score = points * grade.max_score / sum(g.max_score for g in grades)
        gb.db.commit()
    for lms in ("canvas", "moodle"):
        args = ["--root", str(root), "grades", "--lms", lms, "--students", str(roster)]
        if lms == "canvas":
            args += ["--canvas-id", f"{TERM_ASSIGNMENT}={CANVAS_ASSIGNMENT_ID}"]
        assert main(args) == 0
    return course


def _expected(course: Course, student: str) -> float:
    """Autograded plus hand-graded points less the late penalty, from the gradebook."""
    with Gradebook(course.db_url, course.course_id) as gb:
        submission = gb.find_submission(TERM_ASSIGNMENT, student)
        auto = sum(g.score for nb in submission.notebooks for g in nb.grades
                   if g.cell_type == "code")
        return auto + HAND_GRADED[student] - submission.late_submission_penalty


def _read(path) -> list[list[str]]:
    return list(csv.reader(path.open(newline="", encoding="utf-8")))


def test_the_collected_student_was_graded_like_the_reference(term):
    with Gradebook(term.db_url, term.course_id) as gb:
        new = gb.find_submission(TERM_ASSIGNMENT, NEW)
        reference = gb.find_submission(TERM_ASSIGNMENT, REFERENCE)
        assert new.code_score == reference.code_score == reference.max_code_score
        assert new.timestamp == datetime(2026, 10, 22, 12, 0) and new.total_seconds_late == 0


def test_the_canvas_file_has_canvas_columns_points_possible_and_final_grades(term):
    table = _read(term.root / "grades-canvas.csv")
    header, possible, *rows = table
    column = f"{TERM_ASSIGNMENT} ({CANVAS_ASSIGNMENT_ID})"
    assert header[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert column in header and len(header) == 5 + len(assignment_maxima(term))
    assert possible[0] == "Points Possible" and possible[1:5] == ["", "", "", ""]
    assert float(possible[header.index(column)]) == 100
    by_id = {r[1]: dict(zip(header, r)) for r in rows}
    assert set(by_id) == set(CANVAS_IDS.values())
    for student in HAND_GRADED:
        row = by_id[CANVAS_IDS[student]]
        assert row["Student"] == f"Student, {student}" and row["SIS User ID"].startswith("SIS-")
        assert float(row[column]) == pytest.approx(_expected(term, student), abs=0.01)
    # Waiting for hand grading, rejected: empty cells, never a zero.
    for student in (MISTAKES, MALFORMED, NEW):
        assert by_id[CANVAS_IDS[student]][column] == ""


def test_the_notes_say_why_a_cell_is_empty(term):
    notes = {(r["student"], r["assignment"]): r for r in csv.DictReader(
        (term.root / "grades-canvas-notes.csv").open(newline=""))}
    mistakes = notes[MISTAKES, TERM_ASSIGNMENT]
    (row,) = [r for r in collect_grades(term)
              if (r.student, r.assignment) == (MISTAKES, TERM_ASSIGNMENT)]
    assert row.manual_max > 0 and row.manual_score is None
    assert float(mistakes["pending_hand_graded"]) == row.manual_max
    assert "not graded yet" in mistakes["note"]
    assert float(mistakes["points_so_far"]) > 0
    assert "rejected" in notes[MALFORMED, TERM_ASSIGNMENT]["note"]
    assert float(notes[NEW, TERM_ASSIGNMENT]["pending_hand_graded"]) > 0
    assert (REFERENCE, TERM_ASSIGNMENT) not in notes and (LATE, TERM_ASSIGNMENT) not in notes


def test_the_moodle_file_identifies_students_by_email_with_the_same_grades(term):
    header, *rows = _read(term.root / "grades-moodle.csv")
    assert header[0] == "Email address" and TERM_ASSIGNMENT in header
    by_email = {r[0]: dict(zip(header, r)) for r in rows}
    assert set(by_email) == {f"{s}@example.org" for s in CANVAS_IDS}
    canvas_header, _, *canvas_rows = _read(term.root / "grades-canvas.csv")
    canvas = {r[1]: dict(zip(canvas_header, r)) for r in canvas_rows}
    for student, number in CANVAS_IDS.items():
        for assignment in assignment_maxima(term):
            named = f"{assignment} ({CANVAS_ASSIGNMENT_ID})" if assignment == TERM_ASSIGNMENT \
                else assignment
            assert by_email[f"{student}@example.org"][assignment] == canvas[number][named]


def test_moodle_needs_an_email_or_id_number(term, capsys):
    assert main(["--root", str(term.root), "grades", "--lms", "moodle"]) == 2
    assert "email address or ID number" in capsys.readouterr().err
