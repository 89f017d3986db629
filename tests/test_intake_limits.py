"""Intake size limits (course_tools.submissions): oversized notebooks, cells and folders are
rejected with a reason that says what was too large and what to do; honest ones pass."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from course_tools import submissions
from course_tools.samples import reference_submission
from course_tools.submissions import (
    MAX_CELL_BYTES,
    MAX_CELLS,
    MAX_MARKDOWN_BYTES,
    MAX_NOTEBOOK_BYTES,
    MAX_SOURCE_BYTES,
    MAX_SUBMISSION_BYTES,
    notebook_problem,
    submission_problems,
)

NAME = "hw.ipynb"


def _write(folder: Path, nb) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / NAME
    nbformat.write(nb, path)
    return path


def _markdown_cells(total: int, per_cell: int) -> list:
    sizes = [per_cell] * (total // per_cell) + ([total % per_cell] if total % per_cell else [])
    return [new_markdown_cell("x" * size) for size in sizes]


def test_every_course_notebook_and_its_reference_answer_pass(repo_course, assignment, tmp_path):
    for release in sorted((repo_course.release_dir / assignment).glob("*.ipynb")):
        source = repo_course.source_dir / assignment / release.name
        assert notebook_problem(release) is None
        assert notebook_problem(source) is None
        answered = reference_submission(nbformat.read(release, as_version=4),
                                        nbformat.read(source, as_version=4))
        assert notebook_problem(_write(tmp_path / "reference", answered)) is None
        # Even six times the answered notebook fits: the limits leave honest margin.
        roomy = nbformat.from_dict(answered)
        roomy.cells = [nbformat.from_dict({**cell, "id": f"copy-{copy}-{i}"})
                       for copy in range(6) for i, cell in enumerate(answered.cells)]
        assert notebook_problem(_write(tmp_path / "roomy", roomy)) is None


# (notebook, what the reason must name, its advice)
def _too_large_cases():
    at_limit = "é" * (MAX_CELL_BYTES // 2)  # two bytes each: the limit counts bytes
    return {
        "a code cell one byte over": (
            new_notebook(cells=[new_code_cell(at_limit + "x")]), "cell 1 (code)", "shorten"),
        "a Markdown cell one byte over": (
            new_notebook(cells=[new_markdown_cell("x" * (MAX_CELL_BYTES + 1))]),
            "cell 1 (markdown)", "shorten"),
        "too much Markdown in all": (
            new_notebook(cells=_markdown_cells(MAX_MARKDOWN_BYTES + 1, MAX_CELL_BYTES)),
            "Markdown cells hold", "shorten"),
        "too much text in all": (
            new_notebook(cells=[new_code_cell("x" * MAX_CELL_BYTES)
                                for _ in range(MAX_SOURCE_BYTES // MAX_CELL_BYTES)]
                         + [new_code_cell("y")]),
            "of text in all", "shorten"),
        "too many cells": (
            new_notebook(cells=[new_code_cell("") for _ in range(MAX_CELLS + 1)]),
            f"{MAX_CELLS + 1} cells", "merge or delete"),
    }


@pytest.mark.parametrize("case", list(_too_large_cases()))
def test_oversized_cells_are_rejected_with_what_and_what_to_do(case, tmp_path):
    nb, what, advice = _too_large_cases()[case]
    reason = notebook_problem(_write(tmp_path, nb))
    assert reason is not None and what in reason and advice in reason, reason


def test_cells_at_the_limits_pass(tmp_path):
    cells = [new_code_cell("é" * (MAX_CELL_BYTES // 2)), new_markdown_cell("x" * MAX_CELL_BYTES)]
    assert notebook_problem(_write(tmp_path, new_notebook(cells=cells))) is None
    many = new_notebook(cells=[new_code_cell("") for _ in range(MAX_CELLS)])
    assert notebook_problem(_write(tmp_path, many)) is None
    markdown = new_notebook(cells=_markdown_cells(MAX_MARKDOWN_BYTES, MAX_CELL_BYTES))
    assert notebook_problem(_write(tmp_path, markdown)) is None


def test_oversized_notebook_is_rejected_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / NAME
    with path.open("wb") as out:  # sparse: no disk used
        out.truncate(MAX_NOTEBOOK_BYTES + 1)

    def never(*args, **kwargs):
        raise AssertionError("the oversized notebook was read")

    monkeypatch.setattr(Path, "read_text", never)
    reason = notebook_problem(path)
    assert reason.startswith(f"{NAME} is 32 MB, more than the 32 MB")
    assert "Clear Outputs of All Cells" in reason


def test_notebook_with_large_outputs_under_the_limit_passes(tmp_path):
    cell = new_code_cell("print(1)")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout",
                                           text="x" * (MAX_NOTEBOOK_BYTES // 2))]
    assert notebook_problem(_write(tmp_path, new_notebook(cells=[cell]))) is None


def test_deeply_nested_json_is_rejected_not_a_crash(tmp_path):
    path = tmp_path / NAME
    path.write_text("[" * 200_000 + "]" * 200_000)
    reason = notebook_problem(path)
    assert reason is not None and "nested too deeply" in reason and "resubmit" in reason


def test_submission_folder_too_large_in_all(tmp_path):
    _write(tmp_path, new_notebook(cells=[new_code_cell("x = 1")]))
    with (tmp_path / "weights.bin").open("wb") as out:
        out.truncate(MAX_SUBMISSION_BYTES + 1)
    [reason] = submission_problems(tmp_path, [NAME])
    assert "64 MB in all" in reason and "only the notebooks" in reason


def test_each_reason_carries_one_advice(tmp_path):
    path = _write(tmp_path, new_notebook(cells=[new_code_cell("x" * (MAX_CELL_BYTES + 1))]))
    [reason] = submission_problems(tmp_path, [path.name])
    assert reason.count("ask the student") == 1
    (tmp_path / path.name).write_text(json.dumps({"cells": "broken"})[:10])
    [reason] = submission_problems(tmp_path, [path.name])
    assert "not valid JSON" in reason and reason.endswith(submissions.RESUBMIT_HINT)
