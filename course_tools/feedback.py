"""Feedback for students without the hidden tests, and `course feedback`."""

from __future__ import annotations

from nbgrader.preprocessors import ClearHiddenTests

from .course import Course, nbgrader_failure

HIDDEN_NOTE = "# (hidden tests ran here; their code is not shown)"


class RedactHiddenTests(ClearHiddenTests):
    """Remove hidden test code from feedback, and the tracebacks that would quote it.

    nbgrader's feedback shows the autograded notebook, whose test cells hold the
    full source version. A failing cell's traceback quotes lines around the failure,
    so for a cell that had hidden tests only the error's name and message are kept.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code" or not self._remove_hidden_test_region(cell):
            return cell, resources
        cell.source = cell.source.rstrip() + "\n" + HIDDEN_NOTE
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = [f"{output.get('ename')}: {output.get('evalue')}"]
        return cell, resources


def generate_feedback(course: Course, assignment: str) -> list[str]:
    """Write feedback HTML for every autograded submission of `assignment`."""
    course.check_assignment(assignment)
    result = course.api().generate_feedback(assignment, force=True)
    if not result["success"]:
        raise nbgrader_failure(f"nbgrader generate_feedback {assignment}", result)
    return sorted(str(p) for p in course.feedback_dir.glob(f"*/{assignment}/*.html"))
