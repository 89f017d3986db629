"""Checks a submitted folder before nbgrader sees it, so a broken file gets a clear reason."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

RESUBMIT_HINT = (
    "ask the student to download the notebook again from JupyterLab "
    "(File > Download) and resubmit"
)


def notebook_problem(path: Path) -> str | None:
    """Why the notebook at `path` cannot be graded, or None when it can."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return f"{path.name} is not UTF-8 text ({exc.reason} at byte {exc.start})"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
    if not isinstance(data, dict):
        return f"{path.name} is JSON but not a notebook"
    major = data.get("nbformat")
    if isinstance(major, int) and major != 4:
        return (f"{path.name} uses notebook format {major}, the course needs format 4 "
                "(JupyterLab and Notebook 5 or later save it)")
    if "cells" not in data:
        return f"{path.name} is JSON but not a notebook (no 'cells')"
    try:
        nbformat.validate(nbformat.from_dict(data))
    except nbformat.ValidationError as exc:
        return f"{path.name} is not a valid notebook ({exc.message})"
    return None


def submission_problems(folder: Path, expected: list[str]) -> list[str]:
    """Reasons that keep the submission in `folder` from being graded (empty: gradable).

    A missing notebook is not a reason on its own: nbgrader scores it zero. A
    submission with none of the expected notebooks, or with a broken one, is.
    """
    if not folder.is_dir():
        return [f"no submission folder {folder}"]
    links = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_symlink())
    if links:
        # nbgrader copies what a link points to, which could be any file of the course.
        return [f"the submission contains symbolic links ({', '.join(links)}); "
                "ask the student to submit plain files"]
    present = [name for name in expected if (folder / name).is_file()]
    if not present:
        found = sorted(p.name for p in folder.glob("*.ipynb"))
        return [
            f"none of the expected notebooks ({', '.join(expected)}) was submitted"
            + (f"; found {', '.join(found)} instead (renamed?)" if found else "")
        ]
    problems = [notebook_problem(folder / name) for name in present]
    return [p + f"; {RESUBMIT_HINT}" for p in problems if p]
