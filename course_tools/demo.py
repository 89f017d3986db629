"""`course demo`: release, autograde a sample class, write feedback and grades."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from .autograde import Status, autograde, format_outcomes
from .course import CONFIG_FILE, Course, CourseError, shown
from .deadlines import parse_due_date
from .feedback import generate_feedback
from .grades import collect_grades, format_table, write_csv
from .release import release
from .report import write_assignment_report
from .samples import (
    COPIED,
    LATE,
    TERM_ASSIGNMENT,
    TERM_DUE_DATE,
    write_sample_class,
    write_term_submissions,
)
from .variants import load_variants


def build_demo_course(repo: Course, target: Path) -> Course:
    """A fresh course folder at `target` with the repository's source and configuration."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy2(repo.root / CONFIG_FILE, target / CONFIG_FILE)
    course = Course(target)
    shutil.copytree(repo.source_dir, course.source_dir,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return course


def build_sample_class(repo: Course, target: Path, assignments: list[str] | None = None,
                       extra_config: str = "", term: bool = False) -> Course:
    """`build_demo_course` with `assignments` (default: all) released and the sample class
    submitted; `extra_config` is appended to the course's nbgrader_config.py.

    With `term`, TERM_ASSIGNMENT (when among `assignments`) also has a due date, a time for
    every submission, a late student and one who copied that notebook (samples.py).
    """
    course = build_demo_course(repo, target)
    names = assignments or course.assignments()
    term = term and TERM_ASSIGNMENT in names
    if term:
        extra_config += (f"\n# The demo's term (course_tools/samples.py)\n"
                         f"c.Deadlines.due_dates = {{{TERM_ASSIGNMENT!r}: {TERM_DUE_DATE!r}}}\n")
    if extra_config:
        with open(course.root / CONFIG_FILE, "a") as config:
            config.write("\n" + extra_config)
    release(course, names)
    for name in names:
        variants = load_variants(repo.root / "samples", name)
        write_sample_class(course.submitted_dir, name, course.release_dir / name,
                           course.source_dir / name, variants)
        if term and name == TERM_ASSIGNMENT:
            write_term_submissions(course.submitted_dir, name, course.release_dir / name,
                                   course.source_dir / name, variants,
                                   parse_due_date(TERM_DUE_DATE))
    return course


def run_demo(repo: Course, target: Path, assignments: list[str] | None = None) -> Course:
    """Run the whole instructor workflow on the sample class in `target`."""
    started = time.perf_counter()
    print(f"Demo course in {target}")
    demo = build_sample_class(repo, target, assignments, term=True)
    names = assignments or demo.assignments()
    if TERM_ASSIGNMENT in names:
        print(f"{TERM_ASSIGNMENT} is due {TERM_DUE_DATE}: {LATE} hands it in late, {COPIED} "
              f"hands in {LATE}'s notebook with the variables renamed")
    failed, reports = [], []
    for name in names:
        print(f"\nAutograding {name} ...")
        outcomes = autograde(demo, name)
        print(format_outcomes(outcomes))
        failed += [o for o in outcomes if o.status == Status.FAILED]
        if any(o.status.scored for o in outcomes):
            generate_feedback(demo, name)
            reports.append(write_assignment_report(demo, name))
    rows = collect_grades(demo)
    write_csv(rows, demo.root / "grades.csv")
    print("\nScores (autograded points, then +hand-graded points; ? = not graded yet):")
    print(format_table(rows))
    print(f"\nFeedback: {demo.feedback_dir}\nGrades:   {demo.root / 'grades.csv'}")
    for page in reports:
        print(f"Report:   {page}")
    print(f"Demo finished in {time.perf_counter() - started:.0f} s")
    if failed:
        raise CourseError(
            "nbgrader could not grade "
            + ", ".join(f"{shown(o.student)} ({o.assignment})" for o in failed)
            + ": see the reasons above"
        )
    return demo
