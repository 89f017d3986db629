"""`course autograde`: grade every submission of an assignment and report each outcome."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .course import Course, nbgrader_failure
from .scores import submission_score
from .submissions import submission_problems


@dataclass
class Outcome:
    """What happened to one submission."""

    student: str
    assignment: str
    status: str  # "graded", "rejected" or "failed"
    auto_score: float | None = None
    auto_max: float | None = None
    reasons: list[str] = field(default_factory=list)


def autograde(course: Course, assignment: str, students: list[str] | None = None) -> list[Outcome]:
    """Autograde the submissions of `assignment`; broken ones are reported and skipped."""
    course.check_assignment(assignment)
    expected = course.notebook_names(assignment)
    api = course.api()
    outcomes = []
    for student in students or course.students(assignment):
        folder = course.submitted_dir / student / assignment
        problems = submission_problems(folder, expected)
        if problems:
            outcomes.append(Outcome(student, assignment, "rejected", reasons=problems))
            continue
        result = api.autograde(assignment, student, force=True, create=True)
        if not result["success"]:
            failure = nbgrader_failure("nbgrader autograde", result)
            outcomes.append(Outcome(student, assignment, "failed", reasons=[str(failure)]))
            continue
        score = submission_score(api.coursedir.db_url, api.coursedir.course_id, assignment, student)
        outcomes.append(Outcome(student, assignment, "graded",
                                auto_score=score.auto, auto_max=score.auto_max))
    write_report(course, assignment, outcomes)
    return outcomes


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
    """A readable per-submission summary."""
    lines = []
    width = max((len(o.student) for o in outcomes), default=7)
    for o in outcomes:
        if o.status == "graded":
            detail = f"{o.auto_score:g}/{o.auto_max:g} autograded points"
        else:
            detail = "; ".join(o.reasons)
        lines.append(f"  {o.student:<{width}}  {o.status:<8}  {detail}")
    return "\n".join(lines)
