"""Tests of utils.budget (pytest itself sets PYTEST_CURRENT_TEST, i.e. grading mode)."""

import dataclasses

import pytest

from utils import budget
from utils.budget import BUDGETS, Budget, budget_mode, describe_budget, get_budget

ENV_VARS = ("COURSE_BUDGET", "NBGRADER_EXECUTION", "PYTEST_CURRENT_TEST")


def clear_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """An environment as in a student's Jupyter session: none of the variables set.

    Called in the test body: pytest sets PYTEST_CURRENT_TEST again when the call phase
    starts, so clearing it in a fixture would not last.
    """
    for var in ENV_VARS:
        monkeypatch.delenv(var, raising=False)


def test_full_mode_in_a_plain_environment(monkeypatch):
    clear_env(monkeypatch)
    assert budget_mode() == "full"


def test_pytest_means_grading(monkeypatch):
    monkeypatch.delenv("COURSE_BUDGET", raising=False)
    assert budget_mode() == "grading"


@pytest.mark.parametrize("value", ["autograde", "validate", ""])
def test_nbgrader_means_grading(monkeypatch, value):
    clear_env(monkeypatch)
    monkeypatch.setenv("NBGRADER_EXECUTION", value)
    assert budget_mode() == "grading"


def test_course_budget_grading(monkeypatch):
    clear_env(monkeypatch)
    monkeypatch.setenv("COURSE_BUDGET", "grading")
    assert budget_mode() == "grading"


def test_course_budget_full_overrides_everything(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    monkeypatch.setenv("COURSE_BUDGET", "full")
    assert budget_mode() == "full"
    assert get_budget("hw1_timing") == BUDGETS["hw1_timing"]["full"]


def test_course_budget_is_lenient_about_case_and_blank(monkeypatch):
    clear_env(monkeypatch)
    monkeypatch.setenv("COURSE_BUDGET", " Full ")
    assert budget_mode() == "full"
    monkeypatch.setenv("COURSE_BUDGET", "")
    assert budget_mode() == "full"


def test_invalid_course_budget(monkeypatch):
    monkeypatch.setenv("COURSE_BUDGET", "fast")
    with pytest.raises(ValueError, match=r"'full' or 'grading'.*'fast'"):
        budget_mode()


def test_get_budget_in_grading_mode(monkeypatch):
    monkeypatch.delenv("COURSE_BUDGET", raising=False)
    b = get_budget("hw1_timing")
    assert b == Budget(
        epochs=1, train_size=400, validation_size=None, repeats=1, grid=(200, 400), note=b.note
    )


def test_hw1_timing_full_budget():
    b = BUDGETS["hw1_timing"]["full"]
    assert b.repeats == 3 and b.grid == (1000, 2000, 4000, 8000)
    assert "epoch" in b.note


def test_unknown_budget_lists_known_names():
    with pytest.raises(KeyError, match=r"unknown budget 'hw9'.*'hw1_timing'"):
        get_budget("hw9")


def test_describe_budget(monkeypatch):
    monkeypatch.delenv("COURSE_BUDGET", raising=False)
    text = describe_budget("hw1_timing")
    assert text.startswith("Budget 'hw1_timing' (grading mode): epochs=1")
    assert "grid=(200, 400)" in text and "COURSE_BUDGET=full" in text
    assert "\n" not in text
    monkeypatch.setenv("COURSE_BUDGET", "full")
    assert describe_budget("hw1_timing").startswith("Budget 'hw1_timing' (full mode): ")


def test_budget_is_frozen_and_validated():
    b = Budget(epochs=2, train_size=None, validation_size=100)
    assert (b.repeats, b.grid, b.note) == (1, (), "")
    with pytest.raises(dataclasses.FrozenInstanceError):
        b.epochs = 5  # type: ignore[misc]
    with pytest.raises(ValueError, match="epochs"):
        Budget(epochs=0, train_size=None, validation_size=None)
    with pytest.raises(ValueError, match="train_size"):
        Budget(epochs=1, train_size=0, validation_size=None)


def test_every_entry_has_both_modes_and_grading_is_smaller():
    for name, modes in BUDGETS.items():
        assert set(modes) == set(budget.MODES), name
        full, grading = modes["full"], modes["grading"]
        assert grading.epochs <= full.epochs, name
        assert grading.repeats <= full.repeats, name
        assert len(grading.grid) <= len(full.grid), name
        if grading.grid and full.grid:
            assert max(grading.grid) <= max(full.grid), name


@pytest.mark.parametrize("text, problem", [
    ("[a.full]\nepochs = 2\n", r"budget 'a' needs exactly the tables \[a.full\] and \[a.grading\]"),
    ("[a.full]\nepochs = 2\n[a.grading]\nepochs = 1\nsteps = 3\n",
     r"\[a.grading\] needs 'epochs' and may have only .* it has \['epochs', 'steps'\]"),
    ("[a.full]\nepochs = 2\n[a.grading]\nepochs = 0\n",
     r"\[a.grading\]: epochs should be at least 1"),
    ("[a.full]\nepochs = '2'\n[a.grading]\nepochs = 1\n",
     r"\[a.full\] epochs should be a whole number, got '2'"),
    ("[a.full]\nepochs = 2\ngrid = [1, 2.5]\n[a.grading]\nepochs = 1\n",
     r"\[a.full\] grid should be a list of whole numbers"),
])
def test_a_budgets_file_error_names_the_file_and_the_table(tmp_path, text, problem):
    path = tmp_path / "budgets.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match=rf"budgets.toml: {problem}"):
        budget.read_budgets(path)


def test_the_budgets_file_is_what_budgets_holds():
    assert budget.read_budgets(budget.BUDGETS_FILE) == BUDGETS
    assert BUDGETS["hw5_fashion_mlp"]["full"].train_size is None, "a key left out means all"
