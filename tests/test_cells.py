"""The course's cell vocabulary agrees with nbgrader's own predicates."""

from __future__ import annotations

import nbformat
import nbgrader.utils

from course_tools import cells


def test_predicates_agree_with_nbgrader_on_every_course_cell(repo_course):
    for path in sorted(repo_course.source_dir.glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for name in ("is_grade", "is_solution", "is_locked"):
                assert getattr(cells, name)(cell) == getattr(nbgrader.utils, name)(cell), (
                    f"{path.name}: {name} disagrees on {cells.grade_id(cell)}")


def test_top_level_names_are_what_a_cell_binds():
    source = ("import numpy as np, os.path\nfrom math import tanh as th\nx = y = 1\n"
              "a, (b, c) = 1, (2, 3)\nfor i in range(2):\n    z = i\n"
              "def f():\n    local = 1\nclass K:\n    inner = 2\nif True:\n    w = 3\n"
              "with open(__file__) as handle:\n    pass\n")
    assert cells.top_level_names(source) == sorted(
        ["np", "os", "th", "x", "y", "a", "b", "c", "i", "z", "f", "K", "w", "handle"])
    assert cells.top_level_names("def broken(:") == []


def test_public_source_drops_the_hidden_part():
    source = "a = 1\n### BEGIN HIDDEN TESTS\nsecret = 2\n### END HIDDEN TESTS\nb = 3\n"
    assert cells.public_source(source) == "a = 1\nb = 3\n"
    assert cells.hidden_parts(source) == ["secret = 2\n"]


def test_public_source_is_what_nbgrader_releases_of_every_test_cell(repo_course):
    from nbgrader.preprocessors import ClearHiddenTests

    clear = ClearHiddenTests()
    checked = 0
    for path in sorted(repo_course.source_dir.glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cells.is_test_cell(cell) and cells.HIDDEN_BEGIN in cell.source:
                released, _ = clear.preprocess_cell(nbformat.from_dict(cell), {}, 0)
                assert cells.public_source(cell.source) == released.source, cells.grade_id(cell)
                checked += 1
    assert checked > 20


def test_hidden_regions_follow_nbgrader_marker_lines():
    source = "a = 1\n    # ### BEGIN HIDDEN TESTS (indented)\nx = 2\ny = 3\n# END HIDDEN TESTS\n"
    assert cells.split_hidden(source) == (["a = 1", ""], [["x = 2", "y = 3"]])
    assert cells.hidden_parts("### BEGIN HIDDEN TESTS\nleft open") == ["left open\n"]
