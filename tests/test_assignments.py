"""Every assignment: release in sync and clean, points add up, grading is right both ways."""

from __future__ import annotations

import ast
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course_tools.cells import (
    grade_id,
    hidden_parts,
    is_test_cell,
    is_trusted_cell,
    nbgrader_metadata,
    public_source,
)
from course_tools.course import CONFIG_FILE, Course
from course_tools.release import release
from course_tools.samples import MALFORMED, MISTAKES, REFERENCE, UNTOUCHED
from course_tools.scores import failed_test_cells, submission_score

SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)


def _notebooks(course: Course, folder: str, assignment: str) -> list[Path]:
    paths = sorted((course.root / folder / assignment).glob("*.ipynb"))
    assert paths, f"no notebooks in {folder}/{assignment}"
    return paths


def _secret_lines(source_nb, hidden_only: bool = False) -> list[str]:
    """Telling lines of hidden tests (and, unless `hidden_only`, of solutions and model
    answers): long enough, and not shared with the cells' public parts."""
    secret, public = [], []
    for cell in source_nb.cells:
        meta = nbgrader_metadata(cell)
        if cell.cell_type == "markdown" and meta.get("solution"):
            secret += [] if hidden_only else cell.source.splitlines()
            continue
        blocks = hidden_parts(cell.source)
        if not hidden_only:
            blocks += SOLUTION.findall(cell.source)
        for block in blocks:
            secret += block.splitlines()
        public.append(public_source(SOLUTION.sub("", cell.source)))
    public_text = "\n".join(public)
    return [
        line.strip() for line in secret
        if len(line.strip()) >= 25 and line.strip() not in public_text
    ]


def test_release_matches_generation(repo_course, assignment, tmp_path):
    course = Course(tmp_path)
    shutil.copy2(repo_course.root / CONFIG_FILE, tmp_path / CONFIG_FILE)
    shutil.copytree(repo_course.source_dir / assignment, tmp_path / "source" / assignment)
    release(course, [assignment])
    fresh = sorted(p.name for p in (tmp_path / "release" / assignment).iterdir())
    committed = sorted(p.name for p in (repo_course.release_dir / assignment).iterdir())
    assert fresh == committed, "release/ holds other files than generation makes: run make release"
    for name in fresh:
        new = json.loads((tmp_path / "release" / assignment / name).read_text())
        old = json.loads((repo_course.release_dir / assignment / name).read_text())
        assert new == old, f"release/{assignment}/{name} is out of date: run `make release`"


def test_release_hides_solutions_and_hidden_tests(repo_course, assignment):
    for path in _notebooks(repo_course, "release", assignment):
        text = path.read_text()
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN"):
            assert marker not in text, f"{path} contains '{marker}'"
        source_nb = nbformat.read(repo_course.source_dir / assignment / path.name, as_version=4)
        release_cells = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
        leaked = [line for line in _secret_lines(source_nb) if line in release_cells]
        assert not leaked, f"{path} shows solution or hidden-test lines: {leaked[:3]}"


@pytest.mark.parametrize("folder", ["source", "release"])
def test_notebooks_are_stored_without_outputs(repo_course, assignment, folder):
    for path in _notebooks(repo_course, folder, assignment):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, (
                    f"{path}: cell {cell.get('id')} has stored output; clear it before committing"
                )


CONTROL_CHARACTER = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


@pytest.mark.parametrize("folder", ["source", "release"])
def test_cells_hold_no_control_characters(repo_course, assignment, folder):
    """A tab or a form feed in a cell is almost always a LaTeX command whose backslash was
    lost on the way into the JSON ("\\top" read as a tab then "op")."""
    for path in _notebooks(repo_course, folder, assignment):
        for cell in nbformat.read(path, as_version=4).cells:
            found = CONTROL_CHARACTER.search(cell.source)
            assert found is None, (
                f"{path}: cell {nbgrader_metadata(cell).get('grade_id') or cell.get('id')} "
                f"holds the control character {found[0]!r} near "
                f"{cell.source[max(0, found.start() - 20):found.end() + 20]!r}: write a "
                "backslash as \\\\ in the JSON")


# Settings that act only in the process that makes them: in a test cell they would hold in
# the trusted kernel, not around the student's code. utils.testing's helpers act in both.
KERNEL_LOCAL_SETTINGS = {
    "errstate": "fp_errors", "seterr": "fp_errors", "catch_warnings": "no_warnings",
    "simplefilter": "no_warnings", "filterwarnings": "no_warnings",
}


def test_test_cells_set_error_rules_through_the_helpers(repo_course, assignment):
    for path in _notebooks(repo_course, "source", assignment):
        for cell in nbformat.read(path, as_version=4).cells:
            if not is_test_cell(cell):
                continue
            for name, helper in KERNEL_LOCAL_SETTINGS.items():
                assert not re.search(rf"\b{name}\s*\(", cell.source), (
                    f"{path}: test cell {nbgrader_metadata(cell).get('grade_id')} calls "
                    f"{name}(), which would act only in the grading kernel: use "
                    f"utils.testing.{helper}")


def test_every_module_the_course_cells_import_is_watched_or_exempt(repo_course, assignment):
    from course_tools.guard import UNWATCHED_IMPORTS, WATCHED_PREFIXES

    for path in _notebooks(repo_course, "source", assignment):
        for cell in nbformat.read(path, as_version=4).cells:
            if not is_trusted_cell(cell):
                continue
            for node in ast.walk(ast.parse(cell.source)):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                         [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0
                         else [])
                for top in {name.partition(".")[0] for name in names}:
                    assert top in WATCHED_PREFIXES or top in UNWATCHED_IMPORTS, (
                        f"{path}: cell {grade_id(cell)} imports {top}, which the guard does "
                        "not watch: add it to course_tools/guard.py's WATCHED_PREFIXES (or, "
                        "with the reason, to UNWATCHED_IMPORTS); see CONTRIBUTING.md")


def test_points_add_up_and_are_announced(repo_course, assignment):
    auto = manual = 0.0
    header = ""
    for path in _notebooks(repo_course, "source", assignment):
        nb = nbformat.read(path, as_version=4)
        header += nb.cells[0].source
        for cell in nb.cells:
            meta = nbgrader_metadata(cell)
            if meta.get("grade"):
                if cell.cell_type == "code":
                    auto += meta["points"]
                else:
                    manual += meta["points"]
    assert auto + manual == 100, f"{assignment} totals {auto + manual:g} points, not 100"
    announced = re.search(r"100 in total = (\d+) autograded \+ (\d+) graded by hand", header)
    assert announced, "the first cell must announce 'Points: 100 in total = A autograded + M ...'"
    assert (float(announced[1]), float(announced[2])) == (auto, manual), (
        f"announced {announced[1]} + {announced[2]}, metadata says {auto:g} + {manual:g}"
    )


def _score(course: Course, assignment: str, student: str):
    api = course.api()
    return submission_score(api.coursedir.db_url, api.coursedir.course_id, assignment, student)


def test_reference_gets_every_autograded_point(demo_course, assignment):
    score = _score(demo_course, assignment, REFERENCE)
    api = demo_course.api()
    failed = failed_test_cells(api.coursedir.db_url, api.coursedir.course_id, assignment, REFERENCE)
    assert not failed, f"the reference solution fails {failed}"
    assert score.auto == score.auto_max > 0


def test_untouched_release_gets_zero_with_every_test_failing(demo_course, assignment):
    score = _score(demo_course, assignment, UNTOUCHED)
    api = demo_course.api()
    failed = failed_test_cells(api.coursedir.db_url, api.coursedir.course_id, assignment, UNTOUCHED)
    all_tests = {
        nbgrader_metadata(c)["grade_id"]
        for path in _notebooks(demo_course, "source", assignment)
        for c in nbformat.read(path, as_version=4).cells
        if c.cell_type == "code" and nbgrader_metadata(c).get("grade")
    }
    assert score.auto == 0
    assert set(failed) == all_tests, f"passing on the untouched release: {all_tests - set(failed)}"


def test_mistaken_student_lands_in_between(demo_course, assignment):
    score = _score(demo_course, assignment, MISTAKES)
    assert 0 < score.auto < score.auto_max


def test_malformed_submission_is_reported_not_graded(demo_course, assignment):
    from course_tools.autograde import read_report

    outcome = read_report(demo_course, assignment)[MALFORMED]
    assert outcome.status == "rejected"
    assert "not valid JSON" in outcome.reasons[0] and "resubmit" in outcome.reasons[0]
    assert _score(demo_course, assignment, MALFORMED) is None


def test_feedback_hides_hidden_tests(demo_course, assignment):
    source_nbs = [nbformat.read(p, as_version=4)
                  for p in _notebooks(demo_course, "source", assignment)]
    hidden = [line for nb in source_nbs for line in _secret_lines(nb, hidden_only=True)]
    pages = sorted(demo_course.feedback_dir.glob(f"*/{assignment}/*.html"))
    assert {p.parts[-3] for p in pages} >= {REFERENCE, MISTAKES, UNTOUCHED}
    for page in pages:
        student = page.parts[-3]
        submitted = nbformat.read(
            demo_course.submitted_dir / student / assignment / page.with_suffix(".ipynb").name,
            as_version=4,
        )
        own_code = "\n".join(c.source for c in submitted.cells)
        text = page.read_text()
        assert "hidden tests ran here" in text
        plain = html.unescape(re.sub(r"<[^>]+>", "", text))
        leaked = [line for line in hidden if line in plain and line not in own_code]
        assert not leaked, f"{page} shows hidden test lines: {leaked[:3]}"


def test_plain_nbgrader_commands_work_from_the_root(demo_course, tmp_path):
    # One assignment proves the configuration; the demo grades all of them.
    assignment = "hw1_foundations"
    root = tmp_path / "course"
    shutil.copytree(demo_course.root, root)
    bin_dir = Path(sys.executable).parent
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin"}
    env.update({k: v for k, v in os.environ.items() if k.startswith(("COURSE_", "HOME"))})
    for command in (
        ["nbgrader", "generate_assignment", assignment, "--force"],
        ["nbgrader", "autograde", assignment, f"--student={REFERENCE}", "--force"],
    ):
        done = subprocess.run([str(bin_dir / command[0]), *command[1:]], cwd=root, env=env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stderr[-3000:]}"
    score = _score(Course(root), assignment, REFERENCE)
    assert score.auto == score.auto_max
