"""The course as students and instructors meet it: JupyterLab in headless Chromium.

A student opens hw1's release notebook, runs it and sees the first public test fail with
the stub's NotImplementedError; types the reference answer into the first exercise and
sees that test pass; validates with nbgrader's Validate button. An instructor opens the
formgrader and sees the course's assignments. Each step leaves a screenshot
(step-N-name.png) in the test's temporary folder.
"""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest

from course_tools.course import Course

from .conftest import REPO

try:
    from playwright.sync_api import expect
except ImportError:  # the fixtures fail with install instructions
    expect = None

pytestmark = pytest.mark.e2e

RELEASE = "release/hw1_foundations/hw1_foundations.ipynb"
SOURCE = "source/hw1_foundations/hw1_foundations.ipynb"
EXERCISE = "mlp_parameter_count"  # the first exercise's solution cell
PUBLIC_TEST = "test_mlp_parameter_count"  # the public test cell right after it
NEXT_TEST = "test_estimate_training_time"  # the next exercise's public test

KERNEL_READY = 90_000  # ms; a loaded machine, a cold start
RUN_ALL = 120_000  # ms; the first cell imports torch
VALIDATE = 150_000  # ms; nbgrader runs the whole notebook in a kernel of its own
# Tracebacks and stderr both render with this MIME type; a warning is not a failure.
STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
SOLUTION_MARKERS = {"### BEGIN SOLUTION", "### END SOLUTION"}
NEXT_PAINT = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _cells() -> list:
    return nbformat.read(REPO / RELEASE, as_version=4).cells


def _index(grade_id: str) -> int:
    ids = [cell.metadata.get("nbgrader", {}).get("grade_id") for cell in _cells()]
    return ids.index(grade_id)


def _reference_answer() -> str:
    """The model answer to the first exercise, as a student would type it (no markers)."""
    cells = nbformat.read(REPO / SOURCE, as_version=4).cells
    (cell,) = [c for c in cells if c.metadata.get("nbgrader", {}).get("grade_id") == EXERCISE]
    lines = [line for line in cell.source.splitlines() if line.strip() not in SOLUTION_MARKERS]
    return "\n".join(lines)


@pytest.fixture
def student(lab_server, page, request):
    """A student's first visit: the untouched release notebook, no kernel running, a fresh
    JupyterLab layout; returns the open notebook panel once its kernel is idle."""
    lab_server.shut_down_sessions()
    shutil.copy2(REPO / RELEASE, lab_server.root / RELEASE)
    page.goto(lab_server.lab_url(f"e2e-{request.node.name}", RELEASE))
    panel = page.locator(".jp-NotebookPanel")
    expect(panel.locator(".jp-Cell")).to_have_count(len(_cells()), timeout=KERNEL_READY)
    wait_until_idle(page)
    return panel


def wait_until_idle(page, timeout: float = KERNEL_READY) -> None:
    """Wait until the notebook's kernel is connected and idle, as the status bar shows it
    ("Python 3 (ipykernel) | Idle"). The toolbar's execution indicator is no use for this:
    it says idle before any kernel is there, and Run All clicked then asks for a kernel."""
    kernel_status = page.locator("#jp-main-statusbar .jp-StatusBar-TextItem").filter(
        has_text=re.compile(r"\| Idle$")
    )
    expect(kernel_status).to_have_count(1, timeout=timeout)


def tracebacks(panel):
    return panel.locator(STDERR_OUTPUT, has_text="Traceback (most recent call last)")


def cell(panel, grade_id: str):
    return panel.locator(".jp-Cell").nth(_index(grade_id))


def show(page, target) -> None:
    """Scroll `target` into view and let the browser paint it (cells off screen are not
    rendered: CSS content-visibility), so that the step's screenshot shows it."""
    target.scroll_into_view_if_needed()
    expect(target).to_be_in_viewport()
    page.evaluate(NEXT_PAINT)


def run_all_cells(page) -> None:
    """Run → Run All Cells, through the menu bar as a student would."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).click()


def type_into_cell(page, target, text: str) -> None:
    """Replace the cell's code in its CodeMirror editor: click, select all, type."""
    editor = target.locator(".cm-content")
    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    expect(editor).to_have_text("")
    # One input event with the whole text, as a paste would: typing key by key would
    # have the editor's auto-indent add to the answer's own indentation.
    page.keyboard.insert_text(text)
    expect(editor).not_to_contain_text("NotImplementedError")
    for line in text.splitlines():
        expect(editor).to_contain_text(line.strip())


def test_student_runs_release_and_sees_first_public_test_fail(page, student, shots):
    test_cell = cell(student, PUBLIC_TEST)
    with shots(1, "run-all-first-public-test-fails"):
        expect(cell(student, EXERCISE).locator(".cm-content")).to_contain_text(
            "raise NotImplementedError()"
        )
        run_all_cells(page)
        error = test_cell.locator(STDERR_OUTPUT)
        expect(error).to_contain_text("NotImplementedError", timeout=RUN_ALL)
        # The traceback leads the student from the test to the stub to replace.
        expect(error).to_contain_text(f"{EXERCISE}(20, [100, 100], 1)")
        expect(error).to_contain_text("raise NotImplementedError()")
        expect(test_cell.locator(".jp-InputPrompt")).to_have_text(re.compile(r"\[\d+\]:"))
        # Run All stops at the failing test: the next exercise has not run.
        expect(cell(student, NEXT_TEST).locator(".jp-InputPrompt")).to_have_text("[ ]:")
        expect(tracebacks(student)).to_have_count(1)
        wait_until_idle(page)
        show(page, test_cell)


def test_student_types_answer_and_public_test_passes(page, student, shots):
    answer = _reference_answer()
    test_cell, next_test = cell(student, PUBLIC_TEST), cell(student, NEXT_TEST)
    with shots(2, "answer-typed"):
        type_into_cell(page, cell(student, EXERCISE), answer)
    with shots(2, "rerun-public-test-passes"):
        run_all_cells(page)
        # Run All now gets past the first test and stops at the next exercise's stub.
        expect(next_test.locator(STDERR_OUTPUT)).to_contain_text(
            "NotImplementedError", timeout=RUN_ALL
        )
        expect(test_cell.locator(".jp-InputPrompt")).to_have_text(re.compile(r"\[\d+\]:"))
        expect(test_cell.locator(".jp-OutputArea-output")).to_have_count(0)  # silent = passed
        expect(tracebacks(student)).to_have_count(1)
        wait_until_idle(page)
        show(page, test_cell)


def test_student_validates_with_the_validate_button(page, student, shots, lab_server):
    answer = _reference_answer()
    with shots(3, "answer-typed"):
        type_into_cell(page, cell(student, EXERCISE), answer)
    with shots(3, "validate-results"):
        button = student.locator(".jp-Toolbar .validate-button")
        expect(button).to_have_text("Validate")
        button.click()
        dialog = page.locator(".jp-Dialog")
        expect(dialog.locator(".jp-Dialog-header")).to_have_text(
            "Validation Results", timeout=VALIDATE
        )
        # Still failing as a whole (the other exercises are stubs), but no longer on the
        # first exercise's test: Validate saved and checked what the student typed.
        expect(dialog.locator(".validation-failed")).to_have_count(1)
        results = dialog.locator(".jp-Dialog-body").inner_text()
        assert "The following cell failed:" in results
        assert "NotImplementedError" in results
        cells = _cells()
        assert cells[_index(NEXT_TEST)].source.splitlines()[0] in results
        assert cells[_index(PUBLIC_TEST)].source.splitlines()[0] not in results
        saved = nbformat.read(lab_server.root / RELEASE, as_version=4)
        assert saved.cells[_index(EXERCISE)].source == answer
    dialog.locator(".jp-mod-accept").click()
    expect(dialog).to_have_count(0)


def test_instructor_sees_assignments_in_formgrader(page, lab_server, shots):
    assignments = Course(lab_server.root).assignments()
    assert "hw1_foundations" in assignments
    with shots(4, "formgrader-assignments"):
        page.goto(lab_server.lab_url("e2e-formgrader"))
        page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
        page.get_by_role("menuitem", name="Formgrader", exact=True).click()
        formgrader = page.frame_locator("#formgrader iframe")
        expect(formgrader.get_by_role("heading", name="Manage Assignments")).to_be_visible()
        # Sorted by due date (none is set), then by name.
        expect(formgrader.locator("td.name")).to_have_text(assignments, timeout=60_000)
