"""Checks a submitted folder before nbgrader sees it, so a broken file gets a clear reason."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

RESUBMIT_HINT = (
    "ask the student to download the notebook again from JupyterLab "
    "(File > Download) and resubmit"
)

# Size limits. Grading and feedback read and render every cell (Markdown through mistune,
# code through Pygments, the notebook parsed several times), so a notebook of hundreds of
# megabytes, or one enormous cell, costs minutes and gigabytes for one student. Measured
# on this course: the largest honest submission is hw5's reference notebook, executed with
# its plots, at 0.8 MB with 72 cells holding 64 kB of text. Over every notebook, the
# instructor's versions included (model answers and hidden tests), the longest cell is
# 5.4 kB of code, the longest Markdown cell 2.9 kB, the most text 88 kB and the most
# Markdown 28 kB. Each limit is six times that or more. Markdown costs the most, and more
# than in proportion to a cell's length: at these limits the worst input measured (runs of
# `*a`) takes a notebook's feedback 7 s; with 64 kB cells it took 30 s.
MAX_SUBMISSION_BYTES = 64 << 20  # every file in the folder together
MAX_NOTEBOOK_BYTES = 32 << 20
MAX_CELLS = 1000
MAX_CELL_BYTES = 32 << 10  # one cell's source, Markdown or code
MAX_SOURCE_BYTES = 1 << 20  # the sources of all cells together (outputs not counted)
MAX_MARKDOWN_BYTES = 256 << 10  # the sources of all Markdown cells together
SHORTEN_HINT = "ask the student to shorten it and resubmit"
CLEAR_OUTPUTS_HINT = (
    "ask the student to clear the outputs (Edit > Clear Outputs of All Cells), "
    "save and resubmit: outputs are not graded"
)


def _size(count: int) -> str:
    """A byte count as people read it: 1.5 MB, 64 kB, 120 bytes."""
    for unit, scale in (("MB", 1 << 20), ("kB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{count} bytes"


def _cell_size_problem(name: str, nb) -> str | None:
    """Why a cell or the number of cells of a parsed notebook is too large, if it is."""
    if len(nb.cells) > MAX_CELLS:
        return (f"{name} has {len(nb.cells)} cells, more than the {MAX_CELLS} a notebook may "
                f"have; ask the student to merge or delete the extra cells and resubmit")
    total = markdown = 0
    for number, cell in enumerate(nb.cells, start=1):
        source = cell.source if isinstance(cell.source, str) else "".join(cell.source)
        size = len(source.encode("utf-8", "surrogatepass"))
        if size > MAX_CELL_BYTES:
            return (f"{name}: cell {number} ({cell.cell_type}) holds {_size(size)} of text, more "
                    f"than the {_size(MAX_CELL_BYTES)} a cell may hold; {SHORTEN_HINT}")
        total += size
        markdown += size if cell.cell_type == "markdown" else 0
    if markdown > MAX_MARKDOWN_BYTES:
        return (f"{name}: its Markdown cells hold {_size(markdown)} of text in all, more than "
                f"the {_size(MAX_MARKDOWN_BYTES)} a notebook may hold; {SHORTEN_HINT}")
    if total > MAX_SOURCE_BYTES:
        return (f"{name}: its cells hold {_size(total)} of text in all, more than the "
                f"{_size(MAX_SOURCE_BYTES)} a notebook may hold; {SHORTEN_HINT}")
    return None


def notebook_problem(path: Path) -> str | None:
    """Why the notebook at `path` cannot be graded (with what to do), or None when it can."""
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:  # checked before reading: the file may not fit in memory
        return (f"{path.name} is {_size(size)}, more than the {_size(MAX_NOTEBOOK_BYTES)} a "
                f"notebook may be; {CLEAR_OUTPUTS_HINT}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return f"{path.name} is not UTF-8 text ({exc.reason} at byte {exc.start}); {RESUBMIT_HINT}"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return (f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                f"{exc.msg}); {RESUBMIT_HINT}")
    except RecursionError:
        return f"{path.name} is JSON nested too deeply to be a notebook; {RESUBMIT_HINT}"
    if not isinstance(data, dict):
        return f"{path.name} is JSON but not a notebook; {RESUBMIT_HINT}"
    major = data.get("nbformat")
    if isinstance(major, int) and major != 4:
        return (f"{path.name} uses notebook format {major}, the course needs format 4 "
                f"(JupyterLab and Notebook 5 or later save it); {RESUBMIT_HINT}")
    if "cells" not in data:
        return f"{path.name} is JSON but not a notebook (no 'cells'); {RESUBMIT_HINT}"
    try:
        nb = nbformat.from_dict(data)
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        return f"{path.name} is not a valid notebook ({exc.message}); {RESUBMIT_HINT}"
    return _cell_size_problem(path.name, nb)


def submission_problems(folder: Path, expected: list[str]) -> list[str]:
    """Reasons that keep the submission in `folder` from being graded (empty: gradable).

    A missing notebook is not a reason on its own: nbgrader scores it zero. A
    submission with none of the expected notebooks, with a broken or oversized one, or
    larger than MAX_SUBMISSION_BYTES in all, is.
    """
    if not folder.is_dir():
        return [f"no submission folder {folder}"]
    links = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_symlink())
    if links:
        # nbgrader copies what a link points to, which could be any file of the course.
        return [f"the submission contains symbolic links ({', '.join(links)}); "
                "ask the student to submit plain files"]
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    if total > MAX_SUBMISSION_BYTES:
        return [f"the submission is {_size(total)} in all, more than the "
                f"{_size(MAX_SUBMISSION_BYTES)} it may be; ask the student to submit only the "
                "notebooks (no data sets or saved models) and resubmit"]
    present = [name for name in expected if (folder / name).is_file()]
    if not present:
        found = sorted(p.name for p in folder.glob("*.ipynb"))
        return [
            f"none of the expected notebooks ({', '.join(expected)}) was submitted"
            + (f"; found {', '.join(found)} instead (renamed?)" if found else "")
        ]
    problems = [notebook_problem(folder / name) for name in present]
    return [p for p in problems if p]
