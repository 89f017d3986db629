"""`course new`: a scaffolded assignment meets every rule the course's tests hold assignments
to, in a temporary copy of the course; ids that are taken or malformed are refused.

The rules are those of test_assignments, test_variants, test_fairness, test_budget,
test_cells and test_intake_limits, called here on the copy instead of restated.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import test_assignments
import test_budget
import test_cells
import test_fairness
import test_intake_limits
import test_variants
from conftest import ASSIGNMENTS, REPO
from test_cli import _contents

import utils.budget
from course_tools.cells import is_test_cell
from course_tools.cli import main
from course_tools.course import CONFIG_FILE, Course
from course_tools.demo import run_demo
from course_tools.release import release
from course_tools.sandbox import find_bwrap
from course_tools.scaffold import FAIRNESS_DIR, NewAssignment, scaffold
from course_tools.variants import load_variants

NUMBER = 1 + max(int(re.match(r"hw(\d+)_", a)[1]) for a in ASSIGNMENTS)
NEW = f"hw{NUMBER}_example"
BIN = Path(sys.executable).parent
WRITTEN = sorted([
    f"source/{NEW}/{NEW}.ipynb", f"samples/{NEW}/wrong/slope_without_x.py",
    f"samples/{NEW}/wrong/no_factor_two.py", f"samples/{NEW}/correct/design_matrix.py",
    f"tests/fairness/{NEW}/correct/loop_with_log.py", "utils/budgets.toml"])


def course_copy(root: Path) -> Course:
    """The parts of the course that `course new` reads or writes, and the linter settings."""
    for name in (CONFIG_FILE, "pyproject.toml"):
        shutil.copy2(REPO / name, root / name)
    for folder in ("source", "release", "samples", "utils", "tests/fairness"):
        shutil.copytree(REPO / folder, root / folder,
                        ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    return Course(root)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory) -> Course:
    """A course copy with NEW scaffolded and released, as `course new` then `make release`."""
    course = course_copy(tmp_path_factory.mktemp("scaffold"))
    scaffold(course, NEW)
    release(course, [NEW])
    return course


def test_course_new_writes_the_assignment_and_changes_nothing_else(tmp_path, capsys):
    course = course_copy(tmp_path)
    before = _contents(course.root)
    assert main(["--root", str(course.root), "new", NEW]) == 0
    out = capsys.readouterr().out
    after = _contents(course.root)
    changed = sorted(p for p in after if before.get(p) != after[p])
    assert changed == WRITTEN
    assert set(before) <= set(after)
    assert sorted(line.removeprefix("wrote ") for line in out.splitlines()
                  if line.startswith("wrote ")) == WRITTEN, out
    assert "make release" in out
    assert NEW in course.assignments()


def test_the_budget_entry_is_valid_and_drives_the_experiment(scaffolded, monkeypatch):
    budgets = utils.budget.read_budgets(scaffolded.root / "utils" / "budgets.toml")
    name = NewAssignment(scaffolded, NEW).budget_name
    assert name in budgets and set(budgets) - {name} == set(test_budget.BUDGETS)
    monkeypatch.setattr(test_budget, "BUDGETS", budgets)
    test_budget.test_every_entry_has_both_modes_and_grading_is_smaller()
    # The notebook's plain experiment cell, run after the setup and the reference answer
    # with these budgets in place of the installed ones (which lack the entry).
    monkeypatch.setattr(utils.budget, "BUDGETS", budgets)
    nb = nbformat.read(scaffolded.source_dir / NEW / f"{NEW}.ipynb", as_version=4)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        for cell in nb.cells:
            if cell.cell_type == "code" and not is_test_cell(cell):
                exec(compile(cell.source, cell.id, "exec"), namespace)  # noqa: S102
    import matplotlib.pyplot as plt

    plt.close("all")
    grading = budgets[name]["grading"]
    assert f"Budget {name!r} (grading mode)" in printed.getvalue()
    assert len(namespace["losses"]) == grading.epochs
    assert namespace["losses"][-1] < 0.5 * namespace["losses"][0], namespace["losses"]


def test_the_rules_of_every_assignment_hold(scaffolded, tmp_path):
    test_assignments.test_release_matches_generation(scaffolded, NEW, tmp_path)
    test_assignments.test_release_hides_solutions_and_hidden_tests(scaffolded, NEW)
    for folder in ("source", "release"):
        test_assignments.test_notebooks_are_stored_without_outputs(scaffolded, NEW, folder)
        test_assignments.test_cells_hold_no_control_characters(scaffolded, NEW, folder)
    test_assignments.test_test_cells_set_error_rules_through_the_helpers(scaffolded, NEW)
    test_assignments.test_points_add_up_and_are_announced(scaffolded, NEW)
    test_cells.test_predicates_agree_with_nbgrader_on_every_course_cell(scaffolded)
    test_intake_limits.test_every_course_notebook_and_its_reference_answer_pass(
        scaffolded, NEW, tmp_path)


def test_ruff_is_clean_on_the_scaffold(scaffolded):
    for command in ([str(BIN / "nbqa"), "ruff", f"source/{NEW}", f"release/{NEW}"],
                    [str(BIN / "ruff"), "check", f"samples/{NEW}", f"tests/fairness/{NEW}"]):
        done = subprocess.run(command, cwd=scaffolded.root, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr


def test_variants_and_fairness_cases_are_graded_as_declared(scaffolded, monkeypatch):
    monkeypatch.setattr(test_variants, "COURSE", scaffolded)
    monkeypatch.setattr(test_fairness, "COURSE", scaffolded)
    for kernels in (1, 2):
        test_variants.test_reference_passes_every_test_in_process(NEW, kernels)
    test_variants.test_every_graded_function_has_wrong_and_correct_variants(NEW)
    test_variants.test_demo_mistakes_exist(NEW)
    for corpus_dir in ("samples", str(FAIRNESS_DIR)):
        test_variants.test_no_variant_is_a_copy_that_would_go_stale(NEW, corpus_dir)
    variants = load_variants(scaffolded.root / "samples", NEW)
    assert {v.verdict for v in variants} == {"wrong", "correct"}
    for variant in variants:
        test_variants.test_variant_is_graded_as_declared(variant)
    corpus = load_variants(scaffolded.root / FAIRNESS_DIR, NEW, scaffolded.source_dir / NEW)
    monkeypatch.setattr(test_fairness, "CORPUS", {NEW: corpus})
    test_fairness.test_the_corpus_covers_every_assignment()
    for variant in corpus:
        test_fairness.test_fairness_case_in_process(variant)


@pytest.fixture(scope="module")
def scaffold_demo(scaffolded, tmp_path_factory):
    """`course demo NEW` on the copy: released, the sample class autograded, feedback and the
    grades table (printed, returned with the demo course).

    The grading kernels import the installed `utils`, without the copy's new budget entry,
    so the plain experiment cell fails there; no test depends on it (test above runs it).
    """
    if find_bwrap() is None:
        pytest.skip("needs bubblewrap")
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        demo = run_demo(scaffolded, tmp_path_factory.mktemp("scaffold-demo") / "course", [NEW])
    return demo, printed.getvalue()


def test_grading_gives_the_reference_everything_and_the_release_nothing(scaffold_demo):
    demo, _ = scaffold_demo
    test_assignments.test_reference_gets_every_autograded_point(demo, NEW)
    test_assignments.test_untouched_release_gets_zero_with_every_test_failing(demo, NEW)
    test_assignments.test_mistaken_student_lands_in_between(demo, NEW)
    test_assignments.test_malformed_submission_is_reported_not_graded(demo, NEW)
    test_assignments.test_feedback_hides_hidden_tests(demo, NEW)


def test_the_demo_table_lists_the_new_assignment(scaffold_demo):
    _, printed = scaffold_demo
    table = printed[printed.index("Scores"):]
    assert NEW in table.splitlines()[1], table
    assert re.search(r"sample-reference\s+70/70 \+\?/30", table), table


def _leftover_budget(course: Course) -> None:
    """An earlier try removed by hand, all but its budget entry."""
    scaffold(course, NEW)
    for folder in NewAssignment(course, NEW).folders:
        shutil.rmtree(folder, ignore_errors=True)


def _leftover_samples(course: Course) -> None:
    (course.root / "samples" / NEW / "wrong").mkdir(parents=True)


def _broken_budgets(course: Course) -> None:
    path = course.root / "utils" / "budgets.toml"
    path.write_text(path.read_text() + "\n[hw1_timing.full\n")


REFUSED = {
    "an existing assignment": ("hw1_foundations", None, "already exist"),
    "an earlier try's folder": (NEW, _leftover_samples, f"samples/{NEW} already exist"),
    "an earlier try's budget": (NEW, _leftover_budget, "already has a budget"),
    "a budgets file that does not parse": (NEW, _broken_budgets, "repair it first"),
    "a number in use": ("hw1_again", None, "hw1 is already hw1_foundations"),
    "capitals": ("HW7_example", None, "not an assignment id"),
    "a dash": (f"hw{NUMBER}-example", None, "not an assignment id"),
    "no number": ("homework_example", None, "not an assignment id"),
    "no topic": (f"hw{NUMBER}", None, "not an assignment id"),
    "a path": (f"../hw{NUMBER}_example", None, "not an assignment id"),
    "a leading zero": (f"hw0{NUMBER}_example", None, "not an assignment id"),
    "too long": (f"hw{NUMBER}_" + "x" * 40, None, "at most 40 characters"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_course_new_refuses_and_writes_nothing(case, tmp_path, capsys):
    assignment, prepare, message = REFUSED[case]
    course = course_copy(tmp_path)
    if prepare:
        prepare(course)
    before = _contents(course.root)
    assert main(["--root", str(course.root), "new", assignment]) == 2
    err = capsys.readouterr().err
    assert message in err, err
    assert "Traceback" not in err
    assert _contents(course.root) == before
