"""What a submission changed in the course's cells: each change is named."""

from __future__ import annotations

import nbformat
import pytest
from cell_factories import answer_cell, grade_cell
from nbformat.v4 import new_notebook

from course_tools.integrity import changed_cells


def _released():
    test = grade_cell("assert answer() == 1", "test_answer", points=2)
    answer = answer_cell("def answer():\n    raise NotImplementedError()", "answer")
    return new_notebook(cells=[answer, test])


def _change(kind: str, nb) -> None:
    test = nb.cells[1]
    if kind == "points":
        test.metadata.nbgrader["points"] = 20
    elif kind == "not graded":
        test.metadata.nbgrader["grade"] = False
    elif kind == "id":
        test.id = "my-own-id"
    elif kind == "edited":
        test.source = "pass"
    elif kind == "deleted":
        del nb.cells[1]
    elif kind == "duplicated":
        nb.cells.append(nbformat.from_dict(test))
    elif kind == "markdown":
        test.cell_type = "markdown"


@pytest.mark.parametrize("kind, flag", [
    ("points", "grading metadata of test cell test_answer was changed"),
    ("not graded", "grading metadata of test cell test_answer was changed"),
    ("id", "the id of test cell test_answer was changed"),
    ("edited", "test cell test_answer was edited"),
    ("deleted", "test cell test_answer was deleted"),
    ("duplicated", "cell test_answer appears 2 times"),
    ("markdown", "test cell test_answer was turned into a markdown cell"),
])
def test_each_change_to_a_course_cell_is_flagged(kind, flag):
    released = _released()
    submitted = nbformat.from_dict(released)
    _change(kind, submitted)
    assert any(flag in found for found in changed_cells(submitted, released))


def test_an_answered_notebook_has_no_flags():
    released = _released()
    submitted = nbformat.from_dict(released)
    submitted.cells[0].source = "def answer():\n    return 1"
    assert changed_cells(submitted, released) == []
