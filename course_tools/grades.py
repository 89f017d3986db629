"""`course grades`: a CSV of every score and a student x assignment table."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook

from .autograde import Status, read_report
from .course import Course, shown
from .deadlines import lateness
from .scores import submission_score

PARTLY_MARK = "*"
LATE_MARK = " late"
CSV_FIELDS = [
    "student", "assignment", "status", "auto_score", "auto_max",
    "manual_score", "manual_max", "late_penalty", "total_score", "max_score",
    "submitted_at", "seconds_late", "reason",
]


@dataclass(frozen=True)
class GradeRow:
    student: str
    assignment: str
    status: Status
    auto_score: float | None
    auto_max: float | None
    manual_score: float | None
    manual_max: float | None
    reason: str = ""
    late_penalty: float = 0.0  # points nbgrader took off at autograde (deadlines.py)
    submitted_at: str = ""  # UTC, from the submission's timestamp.txt
    seconds_late: float = 0.0

    @property
    def total(self) -> float | None:
        """Points after the late penalty; hand-graded points still pending count nothing."""
        if self.auto_score is None:
            return None
        return self.auto_score + (self.manual_score or 0) - self.late_penalty

    @property
    def max_total(self) -> float | None:
        return None if self.auto_max is None else self.auto_max + (self.manual_max or 0)

    @property
    def pending_manual(self) -> float:
        """Hand-graded points no one has graded yet (0 when there are none)."""
        return (self.manual_max or 0.0) if self.manual_score is None else 0.0

    def as_csv(self) -> dict:
        return {**self.__dict__, "total_score": self.total, "max_score": self.max_total}

    def cell(self) -> str:
        """A short entry for the printed table (PARTLY_MARK: a limit stopped a notebook)."""
        if self.auto_score is None:
            return self.status
        text = f"{self.auto_score:g}/{self.auto_max:g}"
        if self.status == Status.PARTLY:
            text += PARTLY_MARK
        if self.late_penalty:
            text += f" -{self.late_penalty:g}{LATE_MARK}"
        if self.manual_max:
            manual = "?" if self.manual_score is None else f"{self.manual_score:g}"
            text += f" +{manual}/{self.manual_max:g}"
        return text


def collect_grades(course: Course) -> list[GradeRow]:
    """One row per student and assignment, from the gradebook and the autograde reports."""
    api = course.api()
    db_url, course_id = api.coursedir.db_url, api.coursedir.course_id
    with Gradebook(db_url, course_id) as gb:
        students = {s.id for s in gb.students}
        assignments = [a.name for a in gb.assignments]
    reports = {a: read_report(course, a) for a in assignments}
    for report in reports.values():
        students.update(report)
    rows = []
    for student in sorted(students):
        for assignment in assignments:
            outcome = reports[assignment].get(student)
            reason = "; ".join(outcome.reasons) if outcome is not None else ""
            if outcome is not None and not outcome.status.scored:
                # Rejected or failed: the gradebook may hold points of an earlier or an
                # aborted run, which are not this submission's grade.
                rows.append(GradeRow(student, assignment, outcome.status, None, None, None, None,
                                     reason))
                continue
            score = submission_score(db_url, course_id, assignment, student)
            if score is None:
                rows.append(GradeRow(student, assignment, Status.MISSING, None, None, None, None,
                                     reason))
                continue
            if outcome is not None and outcome.status == Status.PARTLY:
                status = Status.PARTLY
            elif score.manual is None:
                status = Status.NEEDS_MANUAL
            else:
                status = Status.GRADED
            late = lateness(db_url, course_id, assignment, student)
            rows.append(GradeRow(
                student, assignment, status, score.auto, score.auto_max, score.manual,
                score.manual_max, reason, late_penalty=late.penalty if late else 0.0,
                submitted_at=late.submitted_at.isoformat(" ") if late and late.submitted_at
                else "", seconds_late=late.seconds_late if late else 0.0))
    return rows


def write_csv(rows: list[GradeRow], path: Path) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row.as_csv())


def format_table(rows: list[GradeRow]) -> str:
    """Students down, assignments across: autograded points, then '+manual' ('?' = pending).

    Names are printed through `shown`, so a folder name cannot add a row.
    """
    students = sorted({r.student for r in rows})
    assignments = sorted({r.assignment for r in rows})
    cells = {(r.student, r.assignment): r.cell() for r in rows}
    header = ["student", *map(shown, assignments)]
    body = [[shown(s), *(cells.get((s, a), "") for a in assignments)] for s in students]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(line, widths)) for line in [header, *body]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if any(r.status == Status.PARTLY for r in rows):
        lines.append(f"{PARTLY_MARK} partly graded: a limit stopped a notebook and the cells "
                     "that did not run scored zero (reasons in the CSV)")
    if any(r.late_penalty for r in rows):
        lines.append(f"-N{LATE_MARK}: the late penalty, points nbgrader took off at autograde "
                     "(submitted_at and seconds_late in the CSV)")
    return "\n".join(lines)
