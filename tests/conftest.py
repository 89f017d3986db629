"""Shared fixtures: the course checkout, its assignments, and one demo run per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

from course_tools.course import Course  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
COURSE = Course(REPO)
ASSIGNMENTS = COURSE.assignments()


def pytest_generate_tests(metafunc):
    """Parametrise any test taking `assignment` over every assignment in source/."""
    if "assignment" in metafunc.fixturenames:
        metafunc.parametrize("assignment", ASSIGNMENTS)


@pytest.fixture(scope="session")
def repo_course() -> Course:
    return COURSE


@pytest.fixture(scope="session")
def demo_course(tmp_path_factory) -> Course:
    """The whole instructor workflow run once on the sample class, in a temporary folder."""
    from course_tools.demo import run_demo

    return run_demo(COURSE, tmp_path_factory.mktemp("demo") / "course")


@pytest.fixture(scope="session")
def term_course(request, tmp_path_factory) -> Course:
    """The demo's term: the sample class of TERM_ASSIGNMENT (hw1) with its due date, the
    late and the copied student, autograded, with feedback, grades.csv and the report.

    When the session runs a test that needs the whole demo anyway, that demo is this
    course too (it plays the same term); otherwise only TERM_ASSIGNMENT is graded.
    """
    from course_tools.demo import run_demo
    from course_tools.samples import TERM_ASSIGNMENT

    if any("demo_course" in getattr(item, "fixturenames", ()) for item in request.session.items):
        return request.getfixturevalue("demo_course")
    return run_demo(COURSE, tmp_path_factory.mktemp("term") / "course", [TERM_ASSIGNMENT])
