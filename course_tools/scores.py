"""Reads scores from nbgrader's gradebook, split into autograded and hand-graded points."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from nbgrader.api import Gradebook, MissingEntry, SubmittedAssignment


@dataclass(frozen=True)
class Score:
    """Points of one submission. Manual points are None until an instructor grades them."""

    auto: float
    auto_max: float
    manual: float | None
    manual_max: float

    @property
    def total(self) -> float:
        return self.auto + (self.manual or 0.0)

    @property
    def max_total(self) -> float:
        return self.auto_max + self.manual_max


@contextmanager
def gradebook_submission(db_url: str, course_id: str, assignment: str,
                         student: str) -> Iterator[SubmittedAssignment | None]:
    """The gradebook's submission of `student`, or None when it has none, while it is open."""
    with Gradebook(db_url, course_id) as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            submission = None
        yield submission


def submission_score(db_url: str, course_id: str, assignment: str, student: str) -> Score | None:
    """The score of a submission, or None when the gradebook has none."""
    with gradebook_submission(db_url, course_id, assignment, student) as submission:
        if submission is None:
            return None
        auto = auto_max = manual_max = 0.0
        manual: float | None = 0.0
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.cell_type == "code":
                    auto += grade.score or 0.0
                    auto_max += grade.max_score
                else:
                    manual_max += grade.max_score
                    if grade.manual_score is None and grade.needs_manual_grade:
                        manual = None
                    elif manual is not None:
                        manual += grade.score or 0.0
        return Score(auto=auto, auto_max=auto_max, manual=manual, manual_max=manual_max)


def failed_test_cells(db_url: str, course_id: str, assignment: str, student: str) -> list[str]:
    """Grade ids of autograded cells that did not get their full points."""
    with Gradebook(db_url, course_id) as gb:
        submission = gb.find_submission(assignment, student)
        return sorted(
            grade.name
            for notebook in submission.notebooks
            for grade in notebook.grades
            if grade.cell_type == "code" and (grade.score or 0.0) < grade.max_score
        )
