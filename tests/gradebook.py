"""The gradebook read back as plain data, to compare two grading runs."""

from __future__ import annotations

from nbgrader.api import Gradebook, MissingEntry

from course_tools.course import Course


def cell_grades(course: Course, assignment: str) -> dict[str, dict[str, float | None]]:
    """Every autograded cell's score, by student (rejected submissions have no entry)."""
    grades: dict[str, dict[str, float | None]] = {}
    with Gradebook(course.db_url, course.course_id) as gb:
        for student in course.students(assignment):
            try:
                submission = gb.find_submission(assignment, student)
            except MissingEntry:
                continue
            grades[student] = {g.name: g.score for nb in submission.notebooks for g in nb.grades}
    return grades
