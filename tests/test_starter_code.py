"""The starter-code mechanism: the release shows the starter, the source keeps the fix."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from nbgrader.converters import GenerateAssignment

from course_tools.course import CONFIG_FILE, Course
from course_tools.release import release
from course_tools.starter import GENERATE_ASSIGNMENT_PREPROCESSORS

FIX = "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION\n"
STARTER = "def double(x):\n    return x + x + 1  # off by one: find and fix it\n"


def _cell(source, meta, starter=None):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "locked": False,
                                 "solution": False, "task": False, **meta}
    if starter is not None:
        cell.metadata["course"] = {"starter": starter}
    return cell


def _notebook(starter):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [
        _cell(FIX, {"grade_id": "double", "solution": True}, starter),
        _cell("assert double(3) == 6", {"grade_id": "test_double", "grade": True,
                                        "locked": True, "points": 1}),
    ]
    return nb


def _release(repo_course, tmp_path, nb):
    shutil.copy2(repo_course.root / CONFIG_FILE, tmp_path / CONFIG_FILE)
    (tmp_path / "source" / "demo_starter").mkdir(parents=True)
    nbformat.write(nb, tmp_path / "source" / "demo_starter" / "repair.ipynb")
    release(Course(tmp_path), ["demo_starter"])
    return nbformat.read(tmp_path / "release" / "demo_starter" / "repair.ipynb", as_version=4)


def test_release_shows_the_starter_and_not_the_fix(repo_course, tmp_path):
    released = _release(repo_course, tmp_path, _notebook(STARTER))
    cell = released.cells[0]
    assert cell.source == STARTER
    assert "2 * x" not in nbformat.writes(released), "the fix leaked into the release"
    assert "course" not in cell.metadata, "the release keeps no copy of the starter metadata"


def test_source_shows_the_fix_and_not_the_starter(repo_course, tmp_path):
    source = _notebook(STARTER)
    assert "return 2 * x" in source.cells[0].source
    assert "x + x + 1" not in source.cells[0].source


def test_cells_without_starter_are_released_as_nbgrader_does(repo_course, tmp_path):
    released = _release(repo_course, tmp_path, _notebook(None))
    assert "raise NotImplementedError()" in released.cells[0].source
    assert "x + x + 1" not in released.cells[0].source


def test_starter_on_a_read_only_cell_is_refused(repo_course, tmp_path):
    nb = _notebook(None)
    nb.cells[1].metadata["course"] = {"starter": "pass"}
    with pytest.raises(Exception, match="starter code but is not a solution cell"):
        _release(repo_course, tmp_path, nb)


def test_preprocessor_list_is_nbgrader_default_plus_starter():
    defaults = GenerateAssignment.class_traits()["preprocessors"].default()
    ours = [p for p in GENERATE_ASSIGNMENT_PREPROCESSORS if not p.startswith("course_tools.")]
    assert [d.__name__ for d in defaults] == [o.rsplit(".", 1)[1] for o in ours]
    position = GENERATE_ASSIGNMENT_PREPROCESSORS.index("course_tools.starter.InsertStarterCode")
    assert GENERATE_ASSIGNMENT_PREPROCESSORS[position - 1].endswith(".ClearSolutions")
