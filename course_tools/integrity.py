"""What a submission changed in the parts of the notebook that belong to the course.

nbgrader already grades with the original test and locked cells (OverwriteCells)
and puts deleted test cells back (``add_missing_cells``), so an edit gains
nothing; these checks make sure the instructor hears about it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import nbformat

from .cells import grade_id, is_grade, is_solution, nbgrader_metadata

# nbgrader metadata that decides how a cell is graded.
GRADING_KEYS = ("grade", "solution", "locked", "points", "grade_id", "task")
STORED_OUTPUT_NOTE_BYTES = 20 << 20
IMPORTABLE_SUFFIXES = (".py", ".pyc", ".pyd", ".so", ".pth")


def _graded_cells(nb) -> dict[str, list]:
    cells: dict[str, list] = {}
    for cell in nb.cells:
        if name := grade_id(cell):
            cells.setdefault(name, []).append(cell)
    return cells


def _normalised(source: str) -> str:
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def changed_cells(submitted, released) -> list[str]:
    """Flags for course cells of `released` deleted, edited or re-labelled in `submitted`."""
    flags = []
    mine = _graded_cells(submitted)
    for name, count in Counter({k: len(v) for k, v in mine.items()}).items():
        if count > 1:
            flags.append(f"cell {name} appears {count} times")
    for original in released.cells:
        meta = nbgrader_metadata(original)
        name = grade_id(original)
        if not name:
            continue
        kind = "answer cell" if is_solution(original) else (
            "test cell" if is_grade(original) else "course cell")
        found = mine.get(name)
        if not found:
            # nbgrader puts back graded and task cells (add_missing_cells), nothing else.
            restored = meta.get("grade") or meta.get("task")
            flags.append(f"{kind} {name} was deleted " + (
                "(put back as released)" if restored else "(not put back: what needs it fails)"))
            continue
        cell = found[0]
        theirs = nbgrader_metadata(cell)
        if any(theirs.get(key) != meta.get(key) for key in GRADING_KEYS):
            flags.append(f"the grading metadata of {kind} {name} was changed")
        if cell.cell_type != original.cell_type:
            flags.append(f"{kind} {name} was turned into a {cell.cell_type} cell")
        if original.get("id") and cell.get("id") != original.get("id"):
            flags.append(f"the id of {kind} {name} was changed")
        if not is_solution(original) and _normalised(cell.source) != _normalised(original.source):
            flags.append(f"{kind} {name} was edited (graded with the original)")
    return flags


def notebook_flags(path: Path, released_path: Path) -> tuple[list[str], list[str]]:
    """(flags, notes) for one submitted notebook compared with its release."""
    notes = []
    size = path.stat().st_size
    if size > STORED_OUTPUT_NOTE_BYTES:
        notes.append(f"{path.name} was submitted at {size / 2**20:.0f} MB with its outputs; "
                     "they are cleared before grading")
    if not released_path.is_file():
        return [], notes
    submitted = nbformat.read(path, as_version=4)
    released = nbformat.read(released_path, as_version=4)
    return [f"{path.name}: {flag}" for flag in changed_cells(submitted, released)], notes


# nbgrader's own file beside a submission: when it was handed in (`course collect`
# writes it; nbgrader's late penalties read it).
NBGRADER_FILES = ("timestamp.txt",)


def extra_files(folder: Path, expected: list[str]) -> tuple[list[str], list[str]]:
    """(flags, notes) for files beside the notebooks. Python modules never reach the kernel."""
    flags, notes = [], []
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_dir() or name in expected or name in NBGRADER_FILES or \
                ".ipynb_checkpoints" in path.parts:
            continue
        if path.suffix in IMPORTABLE_SUFFIXES:
            flags.append(f"extra file {name} could shadow a module the tests import; "
                         "it was not given to the notebook")
        else:
            notes.append(f"extra file {name}")
    return flags, notes
