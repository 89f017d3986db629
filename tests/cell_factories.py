"""Notebook cells of each kind, with the nbgrader metadata the course's notebooks carry.

Shared by the tests that build small notebooks, as nbgrader's own tests share
``create_grade_cell`` and friends; the kinds are those of ``course_tools.cells``.
"""

from __future__ import annotations

from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell


def nbgrader(grade_id: str, *, grade: bool = False, solution: bool = False,
             locked: bool = False, points: float | None = None) -> dict:
    """Cell metadata holding nbgrader's fields."""
    fields = {"grade": grade, "solution": solution, "locked": locked, "grade_id": grade_id,
              "schema_version": 3}
    if points is not None:
        fields["points"] = points
    return {"nbgrader": fields}


def grade_cell(source: str, grade_id: str, points: float = 1) -> NotebookNode:
    """An autograded test cell (grade, locked)."""
    return new_code_cell(source, metadata=nbgrader(grade_id, grade=True, locked=True,
                                                   points=points))


def answer_cell(source: str, grade_id: str) -> NotebookNode:
    """A code cell the student writes (solution)."""
    return new_code_cell(source, metadata=nbgrader(grade_id, solution=True))


def course_cell(source: str, grade_id: str) -> NotebookNode:
    """Read-only code the course gives (locked): the setup, given helpers."""
    return new_code_cell(source, metadata=nbgrader(grade_id, locked=True))


def written_answer(source: str, grade_id: str, points: float = 1) -> NotebookNode:
    """A manually graded Markdown answer (solution and grade)."""
    return new_markdown_cell(source, metadata=nbgrader(grade_id, grade=True, solution=True,
                                                       points=points))
