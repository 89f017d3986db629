"""`course check NOTEBOOK`: grade one notebook as autograde would, without a gradebook.

The notebook goes through the code path of `course autograde` (`autograde.grade_one`:
the intake checks, nbgrader's Autograde converter with the course's configuration,
the sandbox, the hidden tests of the matching assignment in ``source/``), but in a
temporary course folder made for the check, so nothing is written to the course's
gradebook, ``submitted/`` or ``autograded/``. What is shown is what a student's
feedback shows: each test's points and message with the hidden tests redacted
(`cell_results`), and the feedback page, written into ``<notebook>-feedback/`` beside
the notebook (for a notebook inside the course's own ``release/`` or ``source/``, which
are generated or the instructor's, into ``reports/check/<assignment>/`` instead).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .autograde import Outcome, grade_one, sandbox_config
from .cell_results import CellResult, cell_results
from .cells import grade_id
from .course import CONFIG_FILE, Course, CourseError, nbgrader_failure, shown

CHECK_STUDENT = "self-check"


@dataclass
class CheckResult:
    """What `course check` found."""

    assignment: str
    notebook: str  # the assignment's notebook name it was graded as
    outcome: Outcome
    results: list[CellResult] = field(default_factory=list)
    feedback: Path | None = None


def _grade_ids(path: Path) -> set[str]:
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # noqa: BLE001  (any unreadable file simply matches nothing)
        return set()
    return {i for c in nb.cells if (i := grade_id(c))}


def find_assignment(course: Course, notebook: Path, assignment: str | None) -> tuple[str, str]:
    """(assignment, notebook name) that `notebook` is to be graded as.

    By its file name, or within `assignment` when given (a single-notebook assignment
    takes any name). Otherwise a CourseError says which notebooks the course has and,
    when the notebook's cells look like one of them, which.
    """
    if assignment is not None:
        course.check_assignment(assignment)
        names = course.notebook_names(assignment)
        if notebook.name in names:
            return assignment, notebook.name
        if len(names) == 1:
            return assignment, names[0]
        raise CourseError(f"{assignment} has the notebooks {', '.join(names)}: name "
                          f"{shown(notebook.name)} after the one it is")
    known = [(a, n) for a in course.assignments() for n in course.notebook_names(a)]
    found = [(a, n) for a, n in known if n == notebook.name]
    if len(found) == 1:
        return found[0]
    mine = _grade_ids(notebook)
    overlap = {(a, n): len(mine & _grade_ids(course.source_dir / a / n)) for a, n in known}
    best = max(overlap, key=overlap.get, default=None)
    hint = (f"; its cells are those of {best[0]}/{best[1]}: pass --assignment {best[0]}"
            if best is not None and overlap[best] else "")
    listed = ", ".join(f"{a}/{n}" for a, n in known) or "none"
    raise CourseError(f"{shown(notebook.name)} is not a notebook of any assignment (the "
                      f"course's notebooks: {listed}); name it as its assignment's notebook, "
                      f"or pass --assignment{hint}")


def _check_course(course: Course, assignment: str, folder: Path) -> Course:
    """A course folder at `folder` with the course's configuration and `assignment`'s
    source, generated (nbgrader then knows its cells and points)."""
    shutil.copy2(course.root / CONFIG_FILE, folder / CONFIG_FILE)
    check = Course(folder)
    shutil.copytree(course.source_dir / assignment, check.source_dir / assignment,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    result = check.api().generate_assignment(assignment, force=True, create=True)
    if not result["success"]:
        raise nbgrader_failure(f"nbgrader generate_assignment {assignment}", result)
    return check


def feedback_folder(course: Course, notebook: Path, assignment: str) -> Path:
    """Where the feedback page of `notebook` goes (see the module docstring)."""
    inside = notebook.resolve().parent
    for generated in (course.release_dir, course.source_dir):
        if inside == generated.resolve() or generated.resolve() in inside.parents:
            return course.reports_dir / "check" / assignment / f"{notebook.stem}-feedback"
    return inside / f"{notebook.stem}-feedback"


def check_notebook(course: Course, notebook: Path, assignment: str | None = None,
                   sandbox: bool = True) -> CheckResult:
    """Grade `notebook` against its assignment's hidden tests; see the module docstring."""
    if not notebook.is_file():
        raise CourseError(f"no notebook at {notebook}")
    assignment, name = find_assignment(course, notebook, assignment)
    target = feedback_folder(course, notebook, assignment)
    if target.exists() and not target.is_dir():
        raise CourseError(f"{target} exists and is not a folder: move it, the feedback goes there")
    with tempfile.TemporaryDirectory(prefix="course-check-") as tmp:
        check = _check_course(course, assignment, Path(tmp))
        config = sandbox_config(check, sandbox)
        folder = check.submitted_dir / CHECK_STUDENT / assignment
        folder.mkdir(parents=True)
        shutil.copyfile(notebook, folder / name)
        api = check.api(config)
        outcome = grade_one(check, api, assignment, CHECK_STUDENT)
        result = CheckResult(assignment, name, outcome)
        if not outcome.status.scored:
            return result
        result.results = cell_results(api.coursedir.db_url,
                                      check.autograded_dir / CHECK_STUDENT / assignment,
                                      assignment, CHECK_STUDENT)
        made = api.generate_feedback(assignment, CHECK_STUDENT, force=True)
        if not made["success"]:
            raise nbgrader_failure(f"nbgrader generate_feedback {assignment}", made)
        pages = check.feedback_dir / CHECK_STUDENT / assignment
        target.mkdir(parents=True, exist_ok=True)
        shutil.copytree(pages, target, dirs_exist_ok=True)
        result.feedback = target / f"{Path(name).stem}.html"
    return result


def format_check(result: CheckResult) -> str:
    """What `course check` prints: the status, each test's points and message, the page."""
    o = result.outcome
    lines = [f"{result.assignment}/{result.notebook}: {o.status}"
             + (f", {o.auto_score:g}/{o.auto_max:g} autograded points"
                if o.auto_max is not None else "")]
    for label, items in (("reason", o.reasons), ("FLAG", o.flags), ("note", o.notes)):
        lines += [f"  {label}: {shown(item)}" for item in items]
    if result.results:
        width = max(len(r.grade_id) for r in result.results)
        lines.append("")
        for r in result.results:
            mark = "ok  " if r.passed else "FAIL"
            lines.append(f"  {mark} {r.grade_id:<{width}}  {r.score:g}/{r.points:g}"
                         + (f"  {shown(r.message)}" if r.message else ""))
    if result.feedback is not None:
        lines += ["", f"Feedback: {result.feedback}"]
    return "\n".join(lines)
