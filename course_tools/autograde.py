"""`course autograde`: grade every submission of an assignment in the sandbox and report each."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

import nbformat

from .course import (
    Course,
    CourseError,
    course_lock,
    nbgrader_failure,
    shown,
    student_id_problem,
)
from .deadlines import lateness
from .execution import LocalExecution, open_execution
from .integrity import extra_files, notebook_flags
from .sandbox import SandboxError
from .sandboxed_execute import REPORT_KEY, SandboxedExecute
from .scores import submission_score
from .submissions import submission_problems


class Status(StrEnum):
    """What became of a submission. The values are the words reports and grades.csv hold.

    `course autograde` gives the first four; `course grades` also says that a
    graded submission waits for hand grading, or that there is none.
    """

    GRADED = "graded"
    PARTLY = "partly graded"  # a limit stopped a notebook; the cells that ran are scored
    REJECTED = "rejected"  # cannot be graded as submitted: the student has to fix it
    FAILED = "failed"  # grading broke for a reason that is not the student's: grade again
    NEEDS_MANUAL = "needs manual grading"
    MISSING = "missing"

    @property
    def scored(self) -> bool:
        """Whether the gradebook's points for the submission are its grade."""
        return self in (Status.GRADED, Status.PARTLY, Status.NEEDS_MANUAL)


GRADED, PARTLY, REJECTED, FAILED = Status.GRADED, Status.PARTLY, Status.REJECTED, Status.FAILED


@dataclass
class Outcome:
    """What happened to one submission.

    `reasons` say why it was rejected, failed or only partly graded (a limit
    stopped a notebook); `flags` list changes to the test machinery or to course
    cells, which score nothing; `notes` are for information only.
    """

    student: str
    assignment: str
    status: Status
    auto_score: float | None = None
    auto_max: float | None = None
    reasons: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    fingerprint: str = ""  # of the submission folder as graded
    graded_at: str = ""

    def __post_init__(self) -> None:
        self.status = Status(self.status)  # a report's word, checked


def _preprocessor(entry, config):
    """The preprocessor nbgrader makes of one entry of its list (a name, a class or an object)."""
    from traitlets import HasTraits
    from traitlets.utils.importstring import import_item

    try:
        made = import_item(entry) if isinstance(entry, str) else entry
    except Exception as exc:  # noqa: BLE001  (nbgrader would fail every submission on it)
        raise CourseError(f"refusing to autograde: nbgrader cannot import the preprocessor "
                          f"{entry!r} ({type(exc).__name__}: {exc}); fix nbgrader_config.py"
                          ) from exc
    if isinstance(made, type):
        made = made(config=config) if issubclass(made, HasTraits) else made()
    return made


def check_grading_pipeline(config) -> SandboxedExecute:
    """The sandboxed execution step that nbgrader's autograde runs with `config`.

    Reads the preprocessor lists from nbgrader's own Autograde converter, as it
    will use them. Raises CourseError unless there is exactly one enabled
    SandboxedExecute, ahead of the step that saves the grades, and no step that
    executes notebooks another way (nbgrader's stock Execute runs student code
    unsandboxed).
    """
    from nbconvert.preprocessors import ExecutePreprocessor
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import SaveAutoGrades

    converter = Autograde(coursedir=CourseDirectory(config=config), config=config)
    sanitize = [_preprocessor(entry, config) for entry in converter.sanitize_preprocessors]
    steps = [_preprocessor(entry, config) for entry in converter.autograde_preprocessors]

    def enabled(step) -> bool:
        return getattr(step, "enabled", True) is not False

    hint = ("nbgrader_config.py must list course_tools.sandboxed_execute.SandboxedExecute "
            "in c.Autograde.autograde_preprocessors in place of nbgrader's Execute")
    executing = [type(s).__name__ for s in sanitize + steps
                 if isinstance(s, ExecutePreprocessor) and enabled(s)]
    if executing:
        raise CourseError(f"refusing to autograde: nbgrader would execute the notebooks with "
                          f"{', '.join(executing)}, outside the sandbox; {hint}")
    sandboxed = [i for i, s in enumerate(steps) if type(s) is SandboxedExecute and enabled(s)]
    if len(sandboxed) != 1:
        raise CourseError(f"refusing to autograde: the configuration nbgrader grades with has "
                          f"{len(sandboxed) or 'no'} enabled SandboxedExecute steps where it "
                          f"needs exactly one; {hint}")
    saves = [i for i, s in enumerate(steps) if isinstance(s, SaveAutoGrades) and enabled(s)]
    if not saves or saves[0] < sandboxed[0]:
        raise CourseError("refusing to autograde: c.Autograde.autograde_preprocessors must run "
                          "nbgrader.preprocessors.SaveAutoGrades after SandboxedExecute, or the "
                          "grades saved would not be those of the executed notebook")
    return steps[sandboxed[0]]


def sandbox_config(course: Course, sandbox: bool):
    """The course's nbgrader configuration, checked to execute in a working sandbox.

    With `sandbox` False the pipeline is still checked, but notebooks then run
    without bubblewrap (trusted code only). The configuration holds the checked
    :class:`LocalExecution` as ``SandboxedExecute.execution``.
    """
    config = course.nbgrader_config()
    step = check_grading_pipeline(config)
    if not sandbox:
        config.SandboxedExecute.sandbox = False
    elif not step.sandbox:
        raise CourseError("refusing to autograde without a sandbox: nbgrader_config.py sets "
                          "c.SandboxedExecute.sandbox = False; remove that line, or pass "
                          "--unsandboxed if every submission is code you trust")
    try:
        config.SandboxedExecute.execution = LocalExecution(step.bwrap if sandbox else None)
    except SandboxError as exc:
        raise CourseError(f"refusing to autograde without a sandbox: {exc}") from exc
    return config


def autograde(course: Course, assignment: str, students: list[str] | None = None,
              sandbox: bool = True, workers: int | None = None, scheduler: str | None = None,
              resume: bool = False, wait: bool = True) -> list[Outcome]:
    """Autograde the submissions of `assignment`; broken ones are reported and skipped.

    Notebooks execute on a Dask cluster: a local one with `workers` workers (default:
    one per core), or the one at `scheduler`; with one worker, or one submission to
    grade, they execute here, one after the other, without a cluster. With `resume`,
    submissions that an earlier run graded or rejected, and that have not changed since,
    are left alone.
    Each outcome is written to the report as soon as it is known.

    The configuration is checked before anything else. Grading then holds the
    course lock, since every assignment shares the gradebook: while another
    command holds it, this run waits, or with `wait` False raises CourseBusy.
    """
    from tqdm import tqdm

    course.check_assignment(assignment)
    config = sandbox_config(course, sandbox)
    with course_lock(course, f"course autograde {assignment}", wait=wait):
        todo = students or course.students(assignment)
        if resume:
            done = read_report(course, assignment)
            todo = [s for s in todo if not _still_valid(course, assignment, done.get(s))]
        outcomes = []
        workers = workers or os.cpu_count() or 1

        def grade(student: str) -> Outcome:
            return grade_one(course, course.api(config), assignment, student)

        with (open_execution(config.SandboxedExecute.execution, workers, len(todo),
                             scheduler) as execution,
              tqdm(total=len(todo), desc=f"grading {assignment}", unit="submission",
                   disable=not todo) as progress):
            config.SandboxedExecute.execution = execution
            for outcome in execution.grade_all(grade, todo):
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
            and student_id_problem(outcome.student) is None
            and outcome.fingerprint == submission_fingerprint(course, assignment, outcome.student))


def grade_one(course: Course, api, assignment: str, student: str) -> Outcome:
    """Check, autograde and report one submission."""
    problem = student_id_problem(student)
    if problem is not None:
        # Nothing is read from such a folder: '..' or a glob would reach other folders.
        return Outcome(student, assignment, REJECTED, reasons=[
            f"the folder name {student!r} is not a usable student id: {problem}; rename "
            f"submitted/{student!r} to the student's id (letters, digits, '.', '_', '-', '@') "
            "and grade again"], graded_at=datetime.now(UTC).isoformat(timespec="seconds"))
    try:
        outcome = _grade(course, api, assignment, student)
    except Exception as exc:  # noqa: BLE001  (one broken submission must not stop the class)
        outcome = Outcome(student, assignment, FAILED,
                          reasons=[f"grading stopped with {type(exc).__name__}: {exc}"])
    outcome.fingerprint = submission_fingerprint(course, assignment, student)
    outcome.graded_at = datetime.now(UTC).isoformat(timespec="seconds")
    return outcome


def _grade(course: Course, api, assignment: str, student: str) -> Outcome:
    """The outcome of one submission whose folder name is a usable student id."""
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
        # One reason per line, so that the report prints each one escaped.
        return Outcome(student, assignment, FAILED, reasons=str(failure).splitlines(),
                       flags=flags, notes=notes)
    reasons = []
    for name in expected:
        report = sandbox_report(course.autograded_dir / student / assignment / name)
        prefix = f"{name}: " if len(expected) > 1 else ""
        flags += [prefix + f for f in report.get("flags", [])]
        reasons += [prefix + r for r in report.get("limits", [])]
        notes += [prefix + n for n in report.get("notes", [])]
    score = submission_score(api.coursedir.db_url, api.coursedir.course_id, assignment, student)
    late = lateness(api.coursedir.db_url, api.coursedir.course_id, assignment, student)
    if late is not None and late.late:
        notes.append(f"{late.describe()} (due {late.due:%Y-%m-%d %H:%M} UTC): nbgrader's late "
                     f"penalty takes {round(late.penalty, 2):g} points off")
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
    """Merge `outcomes` into reports/autograde-<assignment>.json, under the course lock.

    The file is replaced in one step, so a reader, or a run killed halfway, finds
    the old report or the new one and never part of one.
    """
    path = report_path(course, assignment)
    with course_lock(course, f"writing {path.name}"):
        merged = read_report(course, assignment)
        merged.update({o.student: o for o in outcomes})
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({s: asdict(o) for s, o in sorted(merged.items())}, indent=2)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise


def read_report(course: Course, assignment: str) -> dict[str, Outcome]:
    """Outcomes recorded by earlier runs, by student."""
    path = report_path(course, assignment)
    if not path.is_file():
        return {}
    try:
        return {student: Outcome(**recorded)
                for student, recorded in json.loads(path.read_text()).items()}
    except (ValueError, TypeError, KeyError) as exc:
        raise CourseError(
            f"{path} is not a report this version of `course` can read "
            f"({type(exc).__name__}: {exc}); move it aside and run "
            f"`course autograde {assignment}` again") from exc


def format_outcomes(outcomes: list[Outcome]) -> str:
    """A readable per-submission summary: status and score, then reasons, flags and notes.

    Names and reasons are printed through `shown`: none can add a line of its own.
    """
    lines = []
    width = max((len(shown(o.student)) for o in outcomes), default=7)
    for o in outcomes:
        score = "" if o.auto_max is None else f"{o.auto_score:g}/{o.auto_max:g} autograded points"
        lines.append(f"  {shown(o.student):<{width}}  {o.status:<13}  {score}".rstrip())
        for label, items in (("reason", o.reasons), ("FLAG", o.flags), ("note", o.notes)):
            lines += [f"  {'':<{width}}    {label}: {shown(item)}" for item in items]
    return "\n".join(lines)
