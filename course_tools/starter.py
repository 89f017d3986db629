"""Starter code: a solution cell whose release shows given (for example faulty) code.

nbgrader replaces a solution cell by a stub ("raise NotImplementedError()"). For a
repair exercise the student must start from the broken code instead, while the
source keeps the fix. Such a cell carries the starter in its metadata::

    "metadata": {"course": {"starter": "<code the release shows>"}, "nbgrader": {...}}

`InsertStarterCode` runs in ``nbgrader generate_assignment`` right after
ClearSolutions and puts the starter in place of the cleared solution; cells
without the key are left exactly as nbgrader makes them.
"""

from __future__ import annotations

from nbgrader.preprocessors import NbGraderPreprocessor

from .cells import is_solution

STARTER_KEY = "starter"


def starter_code(cell) -> str | None:
    """The starter code stored on a cell, or None."""
    return cell.get("metadata", {}).get("course", {}).get(STARTER_KEY)


class InsertStarterCode(NbGraderPreprocessor):
    """Replace a solution cell's content by its starter code, and drop the metadata key."""

    def preprocess_cell(self, cell, resources, cell_index):
        starter = starter_code(cell)
        if starter is None:
            return cell, resources
        if not is_solution(cell):
            raise ValueError(
                f"cell {cell_index} has starter code but is not a solution cell: mark it "
                "'Autograded answer' (nbgrader solution) so students may edit it"
            )
        cell.source = starter
        del cell.metadata["course"][STARTER_KEY]
        if not cell.metadata["course"]:
            del cell.metadata["course"]
        return cell, resources


# nbgrader 0.9.6's GenerateAssignment.preprocessors with InsertStarterCode after
# ClearSolutions (tests/test_starter_code.py checks this against nbgrader's own list).
GENERATE_ASSIGNMENT_PREPROCESSORS = [
    "nbgrader.preprocessors.IncludeHeaderFooter",
    "nbgrader.preprocessors.InstantiateTests",
    "nbgrader.preprocessors.LockCells",
    "nbgrader.preprocessors.ClearSolutions",
    "course_tools.starter.InsertStarterCode",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.CheckCellMetadata",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.SaveCells",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.CheckCellMetadata",
]
