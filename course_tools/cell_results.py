"""What each test cell of a graded submission scored and said, safe to show.

The points are the gradebook's; the messages are those of the feedback pages: the
autograded notebook goes through `feedback.RedactHiddenTests` (hidden test code, and
any output quoting it, removed) and `feedback.failure_message` reads each failed
cell's error. `course report` and `course check` both show these.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from .cells import grade_id
from .feedback import RedactHiddenTests, failure_message


@dataclass(frozen=True)
class CellResult:
    """One test cell of one submitted notebook."""

    notebook: str  # without .ipynb, as nbgrader names notebooks
    grade_id: str
    score: float
    points: float
    message: str = ""  # the failure message, redacted; empty when the cell passed

    @property
    def passed(self) -> bool:
        return self.score >= self.points


def cell_results(db_url: str, autograded: Path, assignment: str, student: str) -> list[CellResult]:
    """The results of every test cell of `student`'s notebooks in `autograded`
    (``autograded/<student>/<assignment>/``), in notebook order."""
    results = []
    for path in sorted(autograded.glob("*.ipynb")):
        notebook = path.stem
        nb = nbformat.read(path, as_version=4)
        resources = {"nbgrader": {"db_url": db_url, "notebook": notebook,
                                  "assignment": assignment, "student": student}}
        redactor = RedactHiddenTests()
        nb, _ = redactor.preprocess(nb, resources)
        with Gradebook(db_url) as gb:
            for index in sorted(redactor.test_cells):
                cell = nb.cells[index]
                name = grade_id(cell)
                try:
                    grade = gb.find_grade(name, notebook, assignment, student)
                except MissingEntry:
                    continue
                score, points = float(grade.score or 0.0), float(grade.max_score or 0.0)
                results.append(CellResult(notebook, name, score, points,
                                          "" if score >= points else failure_message(cell)))
    return results
