"""Grades back to the LMS: `course grades --lms canvas|moodle`.

Both files are made from the rows of ``grades.csv`` (`grades.collect_grades`): the
total is the autograded and hand-graded points less nbgrader's late penalty. A grade
that is not final is never written as a number: a submission that waits for hand
grading, was rejected, failed to grade or is missing leaves its cell empty, and
``<file>-notes.csv`` beside the export (and the command's output) says why, with the
points known so far.

- **Canvas** (Grades > Import): the columns Canvas's own export has, ``Student, ID,
  SIS User ID, SIS Login ID, Section``, then one column per assignment named as Canvas
  shows it (``hw1_foundations (12345)`` when the Canvas assignment id is given with
  ``--canvas-id``, otherwise the name, for which Canvas offers to create the
  assignment), and a ``Points Possible`` row first.
- **Moodle** (Grades > Import > CSV file): an identifier column (``Email address``,
  and ``ID number`` when known) that the import's "Identify user by" maps, and one
  column per grade item, named after the assignment.

Who a student is in the LMS comes from the student map (`roster.py`, ``--students``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook

from .autograde import Status
from .course import Course, CourseError, shown
from .grades import GradeRow
from .roster import Person, Roster

CANVAS_ID_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
POINTS_POSSIBLE = "Points Possible"
MOODLE_EMAIL, MOODLE_ID_NUMBER = "Email address", "ID number"
NOTE_FIELDS = ["student", "assignment", "status", "points_so_far", "pending_hand_graded", "note"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Note:
    """Why a cell of the export is empty."""

    student: str
    assignment: str
    status: str
    points_so_far: float | None
    pending_hand_graded: float
    note: str


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


def _text(value: str) -> str:
    """A name as a spreadsheet shows it, never as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def final_grade(row: GradeRow) -> tuple[float | None, Note | None]:
    """The grade to export for `row`, or None with the note that says why not."""
    so_far = row.total
    if row.status in (Status.GRADED, Status.PARTLY) and not row.pending_manual:
        note = None
        if row.status == Status.PARTLY:
            note = Note(row.student, row.assignment, row.status, so_far, 0.0,
                        "exported: partly graded (a limit stopped the notebook; " + (
                            row.reason or "see grades.csv") + ")")
        return so_far, note
    if row.pending_manual:
        why = (f"left empty: {_number(row.pending_manual)} hand-graded points are not graded "
               f"yet ({_number(so_far or 0)} points so far); grade them in the formgrader and "
               "export again")
    elif row.status == Status.MISSING:
        why = "left empty: no submission"
    else:
        why = f"left empty: {row.status}" + (f" ({row.reason})" if row.reason else "")
    return None, Note(row.student, row.assignment, row.status, so_far, row.pending_manual, why)


def assignment_maxima(course: Course) -> dict[str, float]:
    """Each assignment's points possible, as the gradebook has them."""
    api = course.api()
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gb:
        return {a.name: float(a.max_score) for a in gb.assignments}


def _people(rows: list[GradeRow], roster: Roster | None) -> dict[str, Person | None]:
    students = {r.student for r in rows}
    if roster is not None:
        students |= set(roster.by_student)
    known = roster.by_student if roster is not None else {}
    return {s: known.get(s) for s in sorted(students)}


def _grades(rows: list[GradeRow], people, assignments) -> tuple[dict, list[Note]]:
    grades, notes = {}, []
    by_key = {(r.student, r.assignment): r for r in rows}
    for student in people:
        for assignment in assignments:
            row = by_key.get((student, assignment))
            if row is None:
                notes.append(Note(student, assignment, Status.MISSING, None, 0.0,
                                  "left empty: no submission"))
                continue
            grade, note = final_grade(row)
            grades[student, assignment] = grade
            if note is not None:
                notes.append(note)
    return grades, notes


def canvas_table(rows: list[GradeRow], maxima: dict[str, float], roster: Roster | None,
                 canvas_ids: dict[str, str]) -> tuple[list[list[str]], list[Note]]:
    """Canvas's gradebook import: header, Points Possible, one row per student."""
    assignments = sorted(maxima)
    columns = [f"{a} ({canvas_ids[a]})" if a in canvas_ids else a for a in assignments]
    table = [CANVAS_ID_COLUMNS + columns,
             [POINTS_POSSIBLE, "", "", "", ""] + [_number(maxima[a]) for a in assignments]]
    people = _people(rows, roster)
    grades, notes = _grades(rows, people, assignments)
    for student, person in people.items():
        canvas_id = (person.canvas_id or person.lms_id) if person else (
            student if student.isdigit() else "")
        if not canvas_id and not (person and (person.sis_user_id or person.sis_login_id)):
            notes.append(Note(student, "", "", None, 0.0,
                              "Canvas cannot match this row: no Canvas id or SIS id (give a "
                              "student map with --students)"))
        table.append([_text(person.name if person and person.name else student), canvas_id,
                      person.sis_user_id if person else "", person.sis_login_id if person else "",
                      _text(person.section) if person else ""]
                     + ["" if grades.get((student, a)) is None else _number(grades[student, a])
                        for a in assignments])
    return table, notes


def moodle_table(rows: list[GradeRow], maxima: dict[str, float], roster: Roster | None
                 ) -> tuple[list[list[str]], list[Note]]:
    """Moodle's CSV grade import: identifier columns, one column per grade item."""
    assignments = sorted(maxima)
    people = _people(rows, roster)
    emails = {s: (p.email if p else (s if "@" in s else "")) for s, p in people.items()}
    id_numbers = {s: p.id_number if p else "" for s, p in people.items()}
    if not any(emails.values()) and not any(id_numbers.values()):
        raise CourseError("Moodle's import identifies students by email address or ID number, "
                          "and no student has either: give --students with a student map that "
                          "has an email or id_number column")
    id_columns = [MOODLE_EMAIL] * any(emails.values()) + [MOODLE_ID_NUMBER] * any(
        id_numbers.values())
    grades, notes = _grades(rows, people, assignments)
    table = [id_columns + assignments]
    for student in people:
        ids = ([emails[student]] if MOODLE_EMAIL in id_columns else []) + (
            [id_numbers[student]] if MOODLE_ID_NUMBER in id_columns else [])
        if not any(ids):
            notes.append(Note(student, "", "", None, 0.0, "not exported: Moodle cannot match a "
                              "row without an email address or ID number"))
            continue
        table.append(ids + ["" if grades.get((student, a)) is None else _number(grades[student, a])
                            for a in assignments])
    return table, notes


def notes_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}-notes.csv")


def write_lms_csv(course: Course, rows: list[GradeRow], lms: str, path: Path,
                  roster: Roster | None = None, canvas_ids: dict[str, str] | None = None
                  ) -> list[Note]:
    """Write the export for `lms` at `path` and its notes beside it; returns the notes."""
    maxima = assignment_maxima(course)
    unknown = sorted(set(canvas_ids or {}) - set(maxima))
    if unknown:
        raise CourseError(f"--canvas-id names {', '.join(map(shown, unknown))}, which the "
                          f"gradebook does not have (it has {', '.join(sorted(maxima))})")
    if lms == "canvas":
        table, notes = canvas_table(rows, maxima, roster, canvas_ids or {})
    elif lms == "moodle":
        table, notes = moodle_table(rows, maxima, roster)
    else:
        raise CourseError(f"unknown LMS {lms!r}: use canvas or moodle")
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(table)
    with notes_path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=NOTE_FIELDS)
        writer.writeheader()
        for note in notes:
            writer.writerow({**note.__dict__, "status": str(note.status),
                             "points_so_far": "" if note.points_so_far is None
                             else _number(note.points_so_far)})
    return notes


def format_notes(notes: list[Note]) -> str:
    return "\n".join(f"  {shown(n.student)}" + (f" {n.assignment}" if n.assignment else "")
                     + f": {shown(n.note)}" for n in notes)
