"""`course autograde`: grade every submission of an assignment in the sandbox and report each."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

import nbformat

from .course import Course, CourseError, nbgrader_failure
from .integrity import extra_files, notebook_flags
from .sandbox import SandboxError, require_bwrap
from .sandboxed_execute import REPORT_KEY
from .scores import submission_score
from .submissions import submission_problems

GRADED, PARTLY, REJECTED, FAILED = "graded", "partly graded", "rejected", "failed"


@dataclass
class Outcome:
    """What happened to one submission.

    `reasons` say why it was rejected, failed or only partly graded (a limit
    stopped a notebook); `flags` list changes to the test machinery or to course
    cells, which score nothing; `notes` are for information only.
    """

    student: str
    assignment: str
    status: str
    auto_score: float | None = None
    auto_max: float | None = None
    reasons: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fingerprint: str = ""  # of the submission folder as graded
    graded_at: str = ""


def sandbox_config(course: Course, sandbox: bool):
    """The course's nbgrader configuration, refusing to go on without a working sandbox."""
    config = course.nbgrader_config()
    if not sandbox:
        config.SandboxedExecute.sandbox = False
        return config
    choice = config.SandboxedExecute.get("bwrap", "auto")
    try:
        require_bwrap(choice)
    except SandboxError as exc:
        raise CourseError(f"refusing to autograde without a sandbox: {exc}") from exc
    return config


def autograde(course: Course, assignment: str, students: list[str] | None = None,
              sandbox: bool = True, workers: int | None = None, scheduler: str | None = None,
              resume: bool = False) -> list[Outcome]:
    """Autograde the submissions of `assignment`; broken ones are reported and skipped.

    Notebooks execute on a Dask cluster: a local one of `workers` processes (default:
    one per core), or the one at `scheduler`. With `resume`, submissions that an
    earlier run graded or rejected, and that have not changed since, are left alone.
    Each outcome is written to the report as soon as it is known.
    """
    from tqdm import tqdm

    from .parallel import dask_client, grade_concurrently

    course.check_assignment(assignment)
    config = sandbox_config(course, sandbox)
    todo = students or course.students(assignment)
    if resume:
        done = read_report(course, assignment)
        todo = [s for s in todo if not _still_valid(course, assignment, done.get(s))]
    outcomes = []
    with dask_client(workers or os.cpu_count() or 1, scheduler) as client, tqdm(
            total=len(todo), desc=f"grading {assignment}", unit="submission",
            disable=not todo) as progress:
        graded = grade_concurrently(
            lambda student: grade_one(course, course.api(config), assignment, student),
            todo, client)
        for outcome in graded:
            write_report(course, assignment, [outcome])
            outcomes.append(outcome)
            progress.update()
    return sorted(outcomes, key=lambda o: o.student)


def submission_fingerprint(course: Course, assignment: str, student: str) -> str:
    """A hash of everything in the submission folder, to see whether it changed."""
    folder = course.submitted_dir / student / assignment
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(path.read_bytes() if not path.is_symlink() else os.readlink(path).encode())
    return digest.hexdigest()


def _still_valid(course: Course, assignment: str, outcome: Outcome | None) -> bool:
    return (outcome is not None and outcome.status in (GRADED, PARTLY, REJECTED)
            and outcome.fingerprint == submission_fingerprint(course, assignment, outcome.student))


def grade_one(course: Course, api, assignment: str, student: str) -> Outcome:
    """Check, autograde and report one submission."""
    try:
        outcome = _grade(course, api, assignment, student)
    except Exception as exc:  # noqa: BLE001  (one broken submission must not stop the class)
        outcome = Outcome(student, assignment, FAILED,
                          reasons=[f"grading stopped with {type(exc).__name__}: {exc}"])
    outcome.fingerprint = submission_fingerprint(course, assignment, student)
    outcome.graded_at = datetime.now(UTC).isoformat(timespec="seconds")
    return outcome


def _grade(course: Course, api, assignment: str, student: str) -> Outcome:
    expected = course.notebook_names(assignment)
    folder = course.submitted_dir / student / assignment
    problems = submission_problems(folder, expected)
    if problems:
        return Outcome(student, assignment, REJECTED, reasons=problems)
    flags, notes = extra_files(folder, expected)
    for name in expected:
        if (folder / name).is_file():
            released = course.release_dir / assignment / name
            more_flags, more_notes = notebook_flags(folder / name, released)
            flags += more_flags
            notes += more_notes
    result = api.autograde(assignment, student, force=True, create=True)
    if not result["success"]:
        failure = nbgrader_failure("nbgrader autograde", result)
        return Outcome(student, assignment, FAILED, reasons=[str(failure)], flags=flags,
                       notes=notes)
    reasons = []
    for name in expected:
        report = sandbox_report(course.autograded_dir / student / assignment / name)
        prefix = f"{name}: " if len(expected) > 1 else ""
        flags += [prefix + f for f in report.get("flags", [])]
        reasons += [prefix + r for r in report.get("limits", [])]
        notes += [prefix + n for n in report.get("notes", [])]
    score = submission_score(api.coursedir.db_url, api.coursedir.course_id, assignment, student)
    return Outcome(student, assignment, PARTLY if reasons else GRADED, auto_score=score.auto,
                   auto_max=score.auto_max, reasons=reasons, flags=flags, notes=notes)


def sandbox_report(path) -> dict:
    """The flags, limits and notes the sandboxed execution left in an autograded notebook."""
    if not path.is_file():
        return {}
    report = nbformat.read(path, as_version=4).metadata.get(REPORT_KEY, {})
    return report if isinstance(report, dict) else {}


def report_path(course: Course, assignment: str):
    return course.reports_dir / f"autograde-{assignment}.json"


def write_report(course: Course, assignment: str, outcomes: list[Outcome]) -> None:
    """Merge this run's outcomes into reports/autograde-<assignment>.json."""
    path = report_path(course, assignment)
    previous = read_report(course, assignment)
    previous.update({o.student: o for o in outcomes})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({s: asdict(o) for s, o in sorted(previous.items())}, indent=2))
    tmp.replace(path)


def read_report(course: Course, assignment: str) -> dict[str, Outcome]:
    """Outcomes recorded by earlier runs, by student."""
    path = report_path(course, assignment)
    if not path.is_file():
        return {}
    return {s: Outcome(**o) for s, o in json.loads(path.read_text()).items()}


def format_outcomes(outcomes: list[Outcome]) -> str:
    """A readable per-submission summary: status and score, then reasons, flags and notes."""
    lines = []
    width = max((len(o.student) for o in outcomes), default=7)
    for o in outcomes:
        score = "" if o.auto_max is None else f"{o.auto_score:g}/{o.auto_max:g} autograded points"
        lines.append(f"  {o.student:<{width}}  {o.status:<13}  {score}".rstrip())
        for label, items in (("reason", o.reasons), ("FLAG", o.flags), ("note", o.notes)):
            lines += [f"  {'':<{width}}    {label}: {item}" for item in items]
    return "\n".join(lines)
