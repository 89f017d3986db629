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
