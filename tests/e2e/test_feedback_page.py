"""A feedback page as a student opens it from disk, in headless Chromium, with no network.

The page is rendered with the course's nbgrader configuration (template, sanitiser,
MathJax beside the page) from a small graded notebook; only nbgrader's gradebook step is
left out, its scores written into the cells instead. Checked: the equations are typeset by
the local MathJax, nothing is fetched from the network, a long failure message wraps
inside its box, and a page opened without its mathjax folder says why the formulas are
LaTeX source.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from nbconvert import HTMLExporter
from nbconvert.writers import FilesWriter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbgrader.converters import GenerateFeedback
from nbgrader.coursedir import CourseDirectory

from course_tools.course import Course

from .conftest import REPO

try:
    from playwright.sync_api import expect
except ImportError:  # the fixtures fail with install instructions
    expect = None

pytestmark = pytest.mark.e2e

TYPESET = 60_000  # ms; MathJax waits for web fonts that file:// pages may not load
MATHJAX_OUTPUT = ".MathJax, .MathJax_Display, mjx-container"
LONG_MESSAGE = "expected " + ", ".join(f"{i / 7:.6f}" for i in range(60)) + " but got nothing"


def _graded(grade_id: str, points: float, score: float, *, solution: bool = False,
            pending: bool = False) -> dict:
    return {"nbgrader": {"grade": True, "solution": solution, "locked": not solution,
                         "grade_id": grade_id, "points": points, "score": score,
                         "pending": pending, "schema_version": 3}}


def _notebook():
    failing = new_code_cell("assert_close(answer(), expected)",
                            metadata=_graded("test_answer", 4, 0), outputs=[new_output(
                                "error", ename="AssertionError", evalue=LONG_MESSAGE,
                                traceback=[f"AssertionError: {LONG_MESSAGE}"])])
    return new_notebook(cells=[
        new_markdown_cell("## Exercise 1\nThe cost is $n_0 \\cdot n_1$, and\n"
                          "$$\\sum_{l=1}^{L} n_{l-1} n_l .$$"),
        failing,
        new_markdown_cell("Because $x^2 \\geq 0$.",
                          metadata=_graded("answer_why", 5, 0, solution=True, pending=True)),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                "language": "python"}})


def render_feedback(folder: Path) -> Path:
    """The feedback page of `_notebook()` in `folder`, as `course feedback` writes it."""
    config = Course(REPO).nbgrader_config()
    app = GenerateFeedback(coursedir=CourseDirectory(config=config), config=config)
    exporter = HTMLExporter(config=app.config)
    for name in app.preprocessors:
        if not name.endswith("GetFeedbackGrades"):  # reads nbgrader's gradebook
            exporter.register_preprocessor(name, enabled=True)
    page, resources = exporter.from_notebook_node(
        _notebook(), resources={"nbgrader": {"notebook": "feedback", "late_penalty": 0}})
    FilesWriter(build_directory=str(folder)).write(page, resources, notebook_name="feedback")
    return folder / "feedback.html"


@pytest.fixture
def offline(page):
    """Every request other than a file of the page's own is refused and remembered."""
    refused: list[str] = []

    def handle(route):
        if route.request.url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    return refused


def test_equations_are_typeset_offline_and_messages_wrap(page, offline, shots, tmp_path):
    path = render_feedback(tmp_path / "feedback")
    with shots(1, "feedback-typeset"):
        page.goto(path.as_uri())
        expect(page.locator(MATHJAX_OUTPUT).first).to_be_attached(timeout=TYPESET)
        expect(page.locator("#course-mathjax-missing")).to_be_hidden()
        expect(page.locator("#course-summary")).to_contain_text("not graded yet")
        message = page.locator("pre.course-message")
        expect(message).to_contain_text("but got nothing")
        for box in (message, page.locator(".output_error pre")):
            box.scroll_into_view_if_needed()
            overflow = box.evaluate("element => element.scrollWidth - element.clientWidth")
            assert overflow <= 1, f"the message is cut by {overflow} px"
    assert not offline, f"the page asked the network for {offline}"


def test_page_without_its_mathjax_folder_says_so(page, offline, shots, tmp_path):
    alone = tmp_path / "downloaded"
    alone.mkdir()
    shutil.copy2(render_feedback(tmp_path / "feedback"), alone / "feedback.html")
    with shots(2, "feedback-without-mathjax"):
        page.goto((alone / "feedback.html").as_uri())
        expect(page.locator("#course-mathjax-missing")).to_be_visible()
        expect(page.locator("body")).to_contain_text("$n_0 \\cdot n_1$")
    assert not offline, f"the page asked the network for {offline}"
