"""The student map: who a student is in the LMS, for `course collect` and the LMS exports.

A CSV file with a header row. Two columns are required:

- ``lms_id``: the id the LMS puts in the names of downloaded files (Canvas's user id,
  Moodle's participant id);
- ``student``: the student's id in this course (the folder name under ``submitted/``).

Optional columns say how the LMS identifies the student when grades go back:
``name`` (Canvas's "Student", "Last, First"), ``canvas_id`` (Canvas's "ID"; by default the
``lms_id``), ``sis_user_id``, ``sis_login_id``, ``section``, ``email`` and ``id_number``
(Moodle's "Email address" and "ID number").
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .course import CourseError, shown, student_id_problem

REQUIRED = ("lms_id", "student")
OPTIONAL = ("name", "canvas_id", "sis_user_id", "sis_login_id", "section", "email", "id_number")
MAX_ROSTER_BYTES = 16 << 20


@dataclass(frozen=True)
class Person:
    """One row of the student map."""

    lms_id: str
    student: str
    name: str = ""
    canvas_id: str = ""
    sis_user_id: str = ""
    sis_login_id: str = ""
    section: str = ""
    email: str = ""
    id_number: str = ""


@dataclass(frozen=True)
class Roster:
    """The student map, by LMS id and by course id."""

    by_lms_id: dict[str, Person]
    path: Path | None = None

    @property
    def by_student(self) -> dict[str, Person]:
        return {p.student: p for p in self.by_lms_id.values()}


def read_roster(path: Path) -> Roster:
    """The student map at `path`; CourseError naming the line and what to fix otherwise."""
    if not path.is_file():
        raise CourseError(f"no student map at {path}: give the path of a CSV file with the "
                          f"columns {', '.join(REQUIRED)} (see `course collect --help`)")
    if path.stat().st_size > MAX_ROSTER_BYTES:
        raise CourseError(f"{path} is larger than {MAX_ROSTER_BYTES >> 20} MB: is it the "
                          "student map?")
    try:
        text = path.read_text(encoding="utf-8-sig")  # spreadsheets often start with a BOM
    except UnicodeDecodeError as exc:
        raise CourseError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start}): "
                          "save the student map as CSV UTF-8") from exc
    # A quoted field may hold a line break (a spreadsheet's note in a name): the csv module
    # reads records, not lines, and says on which line each one ends.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in columns]
    unknown = [c for c in columns if c not in REQUIRED + OPTIONAL]
    if missing or unknown:
        raise CourseError(
            f"{path}: " + "; ".join(
                ([f"no column {', '.join(missing)}"] if missing else [])
                + ([f"unknown column {', '.join(map(repr, unknown))}"] if unknown else []))
            + f" (the columns are {', '.join(REQUIRED)}, and optionally {', '.join(OPTIONAL)})")
    people: dict[str, Person] = {}
    students: dict[str, str] = {}
    for row in reader:
        line = reader.line_num
        values = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
        if None in row:
            raise CourseError(f"{path}, line {line}: more fields than columns")
        person = Person(**{k: values.get(k, "") for k in REQUIRED + OPTIONAL})
        if not person.lms_id or not person.student:
            raise CourseError(f"{path}, line {line}: lms_id and student must both be given")
        problem = student_id_problem(person.student)
        if problem:
            raise CourseError(f"{path}, line {line}: the student id {shown(person.student)} "
                              f"cannot be used: {problem}")
        if person.lms_id in people:
            raise CourseError(f"{path}, line {line}: LMS id {shown(person.lms_id)} is listed "
                              "twice; each LMS account needs one row")
        if person.student in students:
            raise CourseError(f"{path}, line {line}: student {shown(person.student)} is listed "
                              f"again (LMS ids {shown(students[person.student])} and "
                              f"{shown(person.lms_id)}); each student needs one row")
        people[person.lms_id] = person
        students[person.student] = person.lms_id
    return Roster(people, path)
