"""The batch the bench scripts grade: the demo's sample class several times in a course folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from course_tools.autograde import autograde
from course_tools.course import Course
from course_tools.demo import build_demo_course
from course_tools.release import release
from course_tools.samples import REFERENCE, write_sample_class
from course_tools.variants import load_variants


def build_batch(repo: Course, target: Path, assignment: str, copies: int) -> Course:
    """A course at `target` with `assignment` released and `copies` copies of its sample class
    submitted, the students of copy i named ``<sample student>-<i, two digits>``."""
    course = build_demo_course(repo, target)
    release(course, [assignment])
    variants = load_variants(repo.root / "samples", assignment)
    staging = target.parent / "staging"
    write_sample_class(staging, assignment, course.release_dir / assignment,
                       course.source_dir / assignment, variants)
    for copy in range(copies):
        for student in sorted(p.name for p in staging.iterdir()):
            shutil.copytree(staging / student, course.submitted_dir / f"{student}-{copy:02d}")
    return course


def warm_up(course: Course, assignment: str, target: Path) -> None:
    """Grade one reference submission of a copy of `course` at `target`, untimed, so that
    no timed run pays for a cold disk cache."""
    copy = Course(target)
    shutil.copytree(course.root, copy.root)
    first = next(s for s in copy.students(assignment) if s.startswith(REFERENCE))
    outcome, = autograde(copy, assignment, [first], workers=1)
    if not outcome.status.scored:
        raise SystemExit(f"the warm-up could not grade {first}: {outcome.status}\n"
                         + "\n".join(outcome.reasons))
