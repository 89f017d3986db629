"""Fair grades for code written the usual way, proven on the real grading path.

`tests/fairness/<assignment>/{correct,wrong}/*.py` holds answers written as
people really write them: training loops with a tqdm bar (tqdm writes to
stderr), functions that emit a warning or print to stderr, library-style
implementations, other valid conventions. They use the variant format of
`samples/` (course_tools/variants.py). Every one of them is graded twice in a course
folder: by `course autograde` (the sandbox, Dask) and by plain `nbgrader
autograde` with the project's configuration. Both must give every correct
answer full marks, fail exactly what a wrong one declares, and agree cell by cell.
In-process (tests/notebook_harness.py), each variant alone, they run only where the
real path cannot, or with COURSE_FAIRNESS_IN_PROCESS=1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from conftest import ASSIGNMENTS, COURSE
from gradebook import cell_grades
from notebook_harness import SourceNotebook

from course_tools.autograde import autograde, format_outcomes
from course_tools.course import Course
from course_tools.demo import build_demo_course
from course_tools.release import release
from course_tools.samples import reference_submission, with_variants
from course_tools.sandbox import find_bwrap
from course_tools.scores import failed_test_cells
from course_tools.variants import Variant, load_variants

FAIRNESS_DIR = Path(__file__).resolve().parent / "fairness"
CORPUS = {a: load_variants(FAIRNESS_DIR, a, COURSE.source_dir / a) for a in ASSIGNMENTS}
VARIANTS = [v for variants in CORPUS.values() for v in variants]
STUDENT_PREFIX = "fairness-"


def submissions(variants: list[Variant]) -> dict[str, list[Variant]]:
    """Students that together hand in every variant, each at most one per solution cell.

    Student i answers every cell with its i-th variant (the reference where a cell
    has fewer), so a few notebooks carry the whole corpus.
    """
    by_cell: dict[str, list[Variant]] = defaultdict(list)
    for variant in variants:
        by_cell[variant.replaces].append(variant)
    count = max((len(v) for v in by_cell.values()), default=0)
    return {f"{STUDENT_PREFIX}{i + 1}": [v[i] for v in by_cell.values() if len(v) > i]
            for i in range(count)}


def expected_failures(variants: list[Variant]) -> set[str]:
    return {cell for v in variants for cell in v.expect_fail}


def test_the_corpus_covers_every_assignment():
    for assignment, variants in CORPUS.items():
        assert any(v.verdict == "correct" for v in variants), f"no fairness case for {assignment}"


# The real path below asserts the same of every variant; in-process it is quicker to read
# when one fails, but costs as much again (the training loops run twice): it runs where
# the real path cannot (no bubblewrap) or when asked for.
IN_PROCESS = find_bwrap() is None or os.environ.get("COURSE_FAIRNESS_IN_PROCESS") == "1"


@pytest.mark.skipif(not IN_PROCESS, reason="the real grading path checks this variant "
                    "(COURSE_FAIRNESS_IN_PROCESS=1 runs it in-process too)")
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.label)
def test_fairness_case_in_process(variant):
    for path in sorted((COURSE.source_dir / variant.assignment).glob("*.ipynb")):
        notebook = SourceNotebook(path)
        if variant.replaces in notebook.solution_ids:
            run = notebook.run({variant.replaces: variant.code}, must_run=variant.expect_fail)
            assert run.failed == set(variant.expect_fail), (
                f"{variant.label} ({variant.why}) should fail exactly "
                f"{sorted(variant.expect_fail) or 'nothing'}:\n{run.explain()}")
            return
    raise AssertionError(f"{variant.label}: no solution cell {variant.replaces!r}")


def write_submissions(course: Course, assignment: str) -> dict[str, list[Variant]]:
    """The corpus of `assignment` as submissions in `course` (whose release exists)."""
    students = submissions(CORPUS[assignment])
    for release_path in sorted((course.release_dir / assignment).glob("*.ipynb")):
        source_nb = nbformat.read(course.source_dir / assignment / release_path.name, 4)
        reference = reference_submission(nbformat.read(release_path, 4), source_nb)
        ids = {c.metadata.get("nbgrader", {}).get("grade_id") for c in reference.cells}
        for student, variants in students.items():
            folder = course.submitted_dir / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            mine = [v for v in variants if v.replaces in ids]
            nbformat.write(with_variants(reference, mine), folder / release_path.name)
    return students


def plain_nbgrader_autograde(root: Path, assignment: str) -> None:
    """`nbgrader autograde ASSIGNMENT` from the course root, as an instructor would type it."""
    bin_dir = Path(sys.executable).parent
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin"}
    env.update({k: v for k, v in os.environ.items() if k.startswith(("COURSE_", "HOME"))})
    done = subprocess.run([str(bin_dir / "nbgrader"), "autograde", assignment, "--force"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=3600)
    assert done.returncode == 0, f"nbgrader autograde {assignment} failed:\n{done.stderr[-3000:]}"


@pytest.fixture(scope="module")
def graded(repo_course, tmp_path_factory):
    """The corpus graded by `course autograde` and, in a copy, by plain nbgrader."""
    if find_bwrap() is None:
        pytest.skip("needs bubblewrap")
    course = build_demo_course(repo_course, tmp_path_factory.mktemp("fairness") / "course")
    release(course, ASSIGNMENTS)
    students = {a: write_submissions(course, a) for a in ASSIGNMENTS if CORPUS[a]}
    plain = Course(tmp_path_factory.mktemp("fairness-plain") / "course")
    shutil.copytree(course.root, plain.root, dirs_exist_ok=True)
    outcomes = grade_both_ways(course, plain, list(students))
    return {"course": course, "plain": plain, "students": students, "outcomes": outcomes}


def grade_both_ways(course: Course, plain: Course, assignments: list[str]) -> dict:
    """`course autograde` of each assignment in `course`, while plain nbgrader grades `plain`.

    The two runs overlap (plain nbgrader in a thread): much of a notebook's grading is
    waiting for kernels to start and answer (hw4's corpus: 148 s together, 233 s one after
    the other). Returns the outcomes of `course autograde` by assignment.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        plain_runs = pool.submit(lambda: [plain_nbgrader_autograde(plain.root, assignment)
                                          for assignment in assignments])
        outcomes = {assignment: autograde(course, assignment) for assignment in assignments}
        plain_runs.result()
    return outcomes


def test_course_autograde_grades_the_corpus_as_declared(graded, assignment):
    course = graded["course"]
    summary = format_outcomes(graded["outcomes"][assignment])
    for outcome in graded["outcomes"][assignment]:
        assert outcome.status == "graded" and not outcome.flags, summary
    db_url, course_id = course.db_url, course.course_id
    for student, variants in graded["students"][assignment].items():
        failed = set(failed_test_cells(db_url, course_id, assignment, student))
        assert failed == expected_failures(variants), (
            f"{student} hands in {[v.label for v in variants]}:\n{summary}")


def test_plain_nbgrader_autograde_gives_the_same_grades(graded, assignment):
    ours = cell_grades(graded["course"], assignment)
    plain = cell_grades(graded["plain"], assignment)
    assert set(ours) == set(graded["students"][assignment])
    assert plain == ours
