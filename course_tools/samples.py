"""The demo's sample class, built from the source and release notebooks and the variants."""

from __future__ import annotations

from pathlib import Path

import nbformat

from .cells import without_solution_markers
from .variants import Variant

REFERENCE = "sample-reference"
MISTAKES = "sample-mistakes"
UNTOUCHED = "sample-untouched"
MALFORMED = "sample-malformed"
SAMPLE_STUDENTS = (REFERENCE, MISTAKES, UNTOUCHED, MALFORMED)


def grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def is_solution(cell) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution"))


def reference_submission(release_nb, source_nb):
    """The release notebook with every solution cell answered as in the source."""
    answers = {grade_id(c): c.source for c in source_nb.cells if is_solution(c)}
    nb = nbformat.from_dict(release_nb)
    for cell in nb.cells:
        if is_solution(cell):
            cell.source = without_solution_markers(answers[grade_id(cell)])
    return nb


def with_variants(nb, variants: list[Variant]):
    """A copy of `nb` in which each variant replaces the solution cell it names."""
    nb = nbformat.from_dict(nb)
    cells = {grade_id(c): c for c in nb.cells if is_solution(c)}
    for variant in variants:
        if variant.replaces not in cells:
            raise ValueError(f"{variant.label}: no solution cell {variant.replaces!r}")
        cells[variant.replaces].source = variant.code
    return nb


def write_sample_class(
    submitted_dir: Path, assignment: str, release_dir: Path, source_dir: Path,
    variants: list[Variant],
) -> None:
    """Write the four sample students' submissions of one assignment."""
    mistakes = [v for v in variants if v.in_sample and v.verdict == "wrong"]
    for release_path in sorted(release_dir.glob("*.ipynb")):
        release_nb = nbformat.read(release_path, as_version=4)
        source_nb = nbformat.read(source_dir / release_path.name, as_version=4)
        reference = reference_submission(release_nb, source_nb)
        mine = [v for v in mistakes if v.replaces in {grade_id(c) for c in reference.cells}]
        notebooks = {
            REFERENCE: nbformat.writes(reference),
            MISTAKES: nbformat.writes(with_variants(reference, mine)),
            UNTOUCHED: release_path.read_text(),
            # An upload cut short: the file ends in the middle of the JSON.
            MALFORMED: release_path.read_text()[: len(release_path.read_text()) // 2],
        }
        for student, text in notebooks.items():
            folder = submitted_dir / student / assignment
            folder.mkdir(parents=True, exist_ok=True)
            (folder / release_path.name).write_text(text)
